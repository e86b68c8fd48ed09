// The second step of signing in to an account with two-factor sign-in: the 6-digit code from the
// authenticator app (the phone may fill it: one-time-code), or one of the recovery codes.
import { useState } from "preact/hooks";
import { completeSignIn } from "../../api/auth";
import type { User } from "../../api/client";
import { useSubmit } from "../../api/use-submit";
import { TextField } from "../../components/Field";
import { CodeField } from "./CodeField";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { SubmitButton } from "./AuthButtons";
import "./i18n";

interface Props {
  challenge: string;
  onSignedIn: (user: User) => void;
  /** The challenge ran out: back to the password. */
  onRestart: () => void;
}

export function SecondStep({ challenge, onSignedIn, onRestart }: Props) {
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState("");
  const { busy, error, submit } = useSubmit();

  function onSubmit(event: Event) {
    event.preventDefault();
    void submit(async () => {
      const factor = recovery ? { recovery_code: code } : { code };
      onSignedIn(await completeSignIn(challenge, factor));
    });
  }

  function switchKind() {
    setRecovery(!recovery);
    setCode("");
  }

  const fieldError = error?.field(recovery ? "recovery_code" : "code");
  return (
    <form onSubmit={onSubmit} noValidate>
      <p>
        {t(
          recovery
            ? "account.twoFactor.recoveryIntro"
            : "account.twoFactor.stepIntro",
        )}
      </p>
      {recovery ? (
        <TextField
          id="second-recovery"
          label={t("account.twoFactor.recoveryCode")}
          hint={t("account.twoFactor.recoveryHint")}
          error={fieldError}
          autoCapitalize="none"
          spellcheck={false}
          required
          value={code}
          onInput={setCode}
        />
      ) : (
        <CodeField
          id="second-code"
          label={t("account.twoFactor.appCode")}
          error={fieldError}
          value={code}
          onInput={setCode}
        />
      )}
      <ErrorNote error={fieldError ? undefined : error} />
      <SubmitButton busy={busy} label={t("account.twoFactor.verify")} />
      <p>
        <button type="button" class="btn" onClick={switchKind}>
          {t(
            recovery
              ? "account.twoFactor.useApp"
              : "account.twoFactor.useRecovery",
          )}
        </button>
      </p>
      {error?.status === 401 ? (
        <p>
          <button type="button" class="btn" onClick={onRestart}>
            {t("account.twoFactor.restart")}
          </button>
        </p>
      ) : null}
    </form>
  );
}

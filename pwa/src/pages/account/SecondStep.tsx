// The second step of signing in to an account with two-factor sign-in: the 6-digit code from the
// authenticator app (the phone may fill it: one-time-code), or one of the recovery codes.
import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { type SignIn, completeSignIn } from "../../api/auth";
import type { User } from "../../api/client";
import { useSubmit } from "../../api/use-submit";
import { TextField } from "../../components/Field";
import { CodeField } from "./CodeField";
import { t } from "../../i18n";
import { afterLogin } from "../../next-url";
import { FormEnd } from "./AuthButtons";
import "./i18n";

/** Where a first step of signing in leads: to the second step when the account asks for one
 * (`challenge`), else on to ?next= or the role's start (`signedIn`). */
export function useSignIn(next: string | null) {
  const { route } = useLocation();
  const [challenge, setChallenge] = useState<string | null>(null);
  const signedIn = (user: User) => route(afterLogin(next, user), true);
  const answered = (signIn: SignIn) => {
    if ("challenge" in signIn) setChallenge(signIn.challenge);
    else signedIn(signIn.user);
  };
  return { challenge, setChallenge, answered, signedIn };
}

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
      <FormEnd
        busy={busy}
        label={t("account.twoFactor.verify")}
        error={error}
        fieldError={fieldError}
      />
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

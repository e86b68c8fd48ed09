// /lupa-sandi: a forgotten password. The code goes to the account's e-mail or phone; with it and a
// new password every other login ends and this device is logged in.
import { useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { type CodeSent, requestCode, resetPassword } from "../../api/auth";
import { useSubmit } from "../../api/use-submit";
import { NewPasswordField } from "./NewPasswordField";
import { t } from "../../i18n";
import { safeNext } from "../../next-url";
import { CodeScreen } from "./AskForCode";
import { FormEnd } from "./AuthButtons";
import { CodeEntry } from "./CodeEntry";
import { SecondStep, useSignIn } from "./SecondStep";
import "./i18n";
import "./account.css";

export function ForgotPassword() {
  const next = safeNext(useRoute().query.next);
  return (
    <CodeScreen
      title={t("account.forgotTitle")}
      intro={t("account.forgotIntro")}
      purpose="password-reset"
      next={next}
      then={(sent, login) => (
        <NewPassword sent={sent} login={login} next={next} />
      )}
    />
  );
}

function NewPassword(props: {
  sent: CodeSent;
  login: string;
  next: string | null;
}) {
  const { route } = useLocation();
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const { challenge, answered, signedIn } = useSignIn(props.next);
  const { busy, error, submit } = useSubmit();

  function onSubmit(event: Event) {
    event.preventDefault();
    void submit(async () =>
      answered(await resetPassword(props.login, code, password)),
    );
  }

  if (challenge !== null) {
    // The new password is saved; the account's second factor still proves the person.
    return (
      <SecondStep
        challenge={challenge}
        onSignedIn={signedIn}
        onRestart={() => route("/masuk", true)}
      />
    );
  }

  const codeError = error?.field("code");
  const passwordError = error?.field("new_password");
  return (
    <form onSubmit={onSubmit} noValidate>
      <CodeEntry
        id="reset-code"
        sent={props.sent}
        code={code}
        onCode={setCode}
        error={codeError}
        onResend={() =>
          submit(() => requestCode("password-reset", props.login))
        }
      />
      <NewPasswordField
        id="reset-password"
        error={passwordError}
        value={password}
        onInput={setPassword}
      />
      <FormEnd
        busy={busy}
        label={t("account.saveNewPassword")}
        error={error}
        fieldError={codeError || passwordError}
      />
    </form>
  );
}

// /masuk-kode: a resident signs in with a code sent to their e-mail or phone, no password.
import { useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { type CodeSent, requestCode, signInWithCode } from "../../api/auth";
import { useSubmit } from "../../api/use-submit";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { afterLogin, safeNext } from "../../next-url";
import { CodeScreen } from "./AskForCode";
import { SubmitButton } from "./AuthButtons";
import { CodeEntry } from "./CodeEntry";
import "./i18n";
import "./account.css";

export function CodeSignIn() {
  const next = safeNext(useRoute().query.next);
  return (
    <CodeScreen
      title={t("account.codeSignInTitle")}
      intro={t("account.codeSignInIntro")}
      purpose="code"
      next={next}
      then={(sent, login) => (
        <EnterCode sent={sent} login={login} next={next} />
      )}
    />
  );
}

function EnterCode(props: {
  sent: CodeSent;
  login: string;
  next: string | null;
}) {
  const { route } = useLocation();
  const [code, setCode] = useState("");
  const { busy, error, submit } = useSubmit();

  function onSubmit(event: Event) {
    event.preventDefault();
    void submit(async () => {
      route(
        afterLogin(props.next, await signInWithCode(props.login, code)),
        true,
      );
    });
  }

  const codeError = error?.field("code");
  return (
    <form onSubmit={onSubmit} noValidate>
      <CodeEntry
        id="sign-in-code"
        sent={props.sent}
        code={code}
        onCode={setCode}
        error={codeError}
        onResend={() => submit(() => requestCode("code", props.login))}
      />
      <ErrorNote error={codeError ? undefined : error} />
      <SubmitButton busy={busy} label={t("account.loginButton")} />
    </form>
  );
}

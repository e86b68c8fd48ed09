// /masuk-kode: a resident signs in with a code sent to their e-mail or phone, no password.
import { useRoute } from "preact-iso";
import { requestCode, signInWithCode } from "../../api/auth";
import { t } from "../../i18n";
import { safeNext } from "../../next-url";
import { CodeScreen } from "./AskForCode";
import { ConfirmCode } from "./ConfirmCode";
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
        <ConfirmCode
          id="sign-in-code"
          sent={sent}
          next={next}
          button={t("account.loginButton")}
          confirm={(code) => signInWithCode(login, code)}
          resend={() => requestCode("code", login)}
        />
      )}
    />
  );
}

// /masuk: log in with an e-mail or phone number and a password, then go to ?next= (or the role's start);
// the ways to a forgotten password and to signing in with a code.
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { logIn } from "../../api/auth";
import { userStore } from "../../api/client";
import { useSubmit } from "../../api/use-submit";
import { TextField } from "../../components/Field";
import { t } from "../../i18n";
import { afterLogin, safeNext, withNext } from "../../next-url";
import { useStore } from "../../store";
import { FormEnd, OtherScreen } from "./AuthButtons";
import { LoginIdField } from "./LoginIdField";
import { SecondStep, useSignIn } from "./SecondStep";
import "./i18n";
import "./account.css";

export function Login() {
  const next = safeNext(useRoute().query.next);
  const user = useStore(userStore);
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const { challenge, setChallenge, answered, signedIn } = useSignIn(next);
  const { busy, error, submit } = useSubmit();

  function onSubmit(event: Event) {
    event.preventDefault();
    void submit(async () => answered(await logIn(login.trim(), password)));
  }

  if (challenge !== null) {
    return (
      <section class="auth">
        <h1>{t("account.loginTitle")}</h1>
        <SecondStep
          challenge={challenge}
          onSignedIn={signedIn}
          onRestart={() => {
            setPassword("");
            setChallenge(null);
          }}
        />
      </section>
    );
  }

  const loginError = error?.field("login");
  const passwordError = error?.field("password");
  return (
    <section class="auth">
      <h1>{t("account.loginTitle")}</h1>
      {user ? (
        <p class="notice">
          {t("account.alreadyIn", { name: user.name })}{" "}
          <a href={afterLogin(next, user)}>{t("account.continue")}</a>
        </p>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <LoginIdField
          id="login-id"
          error={loginError}
          value={login}
          onInput={setLogin}
        />
        <TextField
          id="login-password"
          label={t("account.password")}
          error={passwordError}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onInput={setPassword}
        />
        <p>
          <a class="link-target" href={withNext("/lupa-sandi", next)}>
            {t("account.forgotLink")}
          </a>
        </p>
        <FormEnd
          busy={busy}
          label={t("account.loginButton")}
          error={error}
          fieldError={loginError || passwordError}
        />
      </form>
      <p>
        <a class="btn" href={withNext("/masuk-kode", next)}>
          {t("account.codeSignInLink")}
        </a>
      </p>
      <OtherScreen to="register" next={next} />
    </section>
  );
}

// /masuk: log in with an e-mail or phone number and a password, then go to ?next= (or the role's start);
// the ways to a forgotten password and to signing in with a code.
import { useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { logIn } from "../../api/auth";
import { userStore } from "../../api/client";
import { useSubmit } from "../../api/use-submit";
import { TextField } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { afterLogin, safeNext, withNext } from "../../next-url";
import { useStore } from "../../store";
import { OtherScreen, SubmitButton } from "./AuthButtons";
import { SecondStep } from "./SecondStep";
import "./i18n";
import "./account.css";

export function Login() {
  const next = safeNext(useRoute().query.next);
  const { route } = useLocation();
  const user = useStore(userStore);
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [challenge, setChallenge] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit();

  function onSubmit(event: Event) {
    event.preventDefault();
    void submit(async () => {
      const signIn = await logIn(login.trim(), password);
      if ("challenge" in signIn) setChallenge(signIn.challenge);
      else route(afterLogin(next, signIn.user), true);
    });
  }

  if (challenge !== null) {
    return (
      <section class="auth">
        <h1>{t("account.loginTitle")}</h1>
        <SecondStep
          challenge={challenge}
          onSignedIn={(signedIn) => route(afterLogin(next, signedIn), true)}
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
        <TextField
          id="login-id"
          label={t("account.loginId")}
          error={loginError}
          name="username"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellcheck={false}
          required
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
        <ErrorNote error={loginError || passwordError ? undefined : error} />
        <SubmitButton busy={busy} label={t("account.loginButton")} />
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

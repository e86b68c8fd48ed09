// /masuk: log in with an e-mail or phone number and a password, then go back to ?next= (or home).
import { useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { logIn } from "../../api/auth";
import { ApiError, userStore } from "../../api/client";
import { Field, describedBy } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { useStore } from "../../store";
import { safeNext } from "./next-url";
import "./i18n";
import "./account.css";

export function Login() {
  const next = safeNext(useRoute().query.next);
  const { route } = useLocation();
  const user = useStore(userStore);
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await logIn(login.trim(), password);
      route(next, true);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : undefined);
      setBusy(false);
    }
  }

  const loginError = error?.field("login");
  const passwordError = error?.field("password");
  return (
    <section class="auth">
      <h1>{t("account.loginTitle")}</h1>
      {user ? (
        <p class="notice">
          {t("account.alreadyIn", { name: user.name })}{" "}
          <a href={next}>{t("account.continue")}</a>
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Field id="login-id" label={t("account.loginId")} error={loginError}>
          <input
            id="login-id"
            name="username"
            type="text"
            inputMode="email"
            autoComplete="username"
            autoCapitalize="none"
            spellcheck={false}
            required
            value={login}
            onInput={(e) => setLogin(e.currentTarget.value)}
            aria-invalid={loginError ? true : undefined}
            aria-describedby={describedBy("login-id", loginError)}
          />
        </Field>
        <Field
          id="login-password"
          label={t("account.password")}
          error={passwordError}
        >
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={describedBy("login-password", passwordError)}
          />
        </Field>
        {error && !loginError && !passwordError ? (
          <ErrorNote error={error} />
        ) : null}
        <p>
          <button
            type="submit"
            class="btn btn-primary btn-big"
            disabled={busy}
            aria-busy={busy}
          >
            {t("account.loginButton")}
          </button>
        </p>
      </form>
      <p>
        {t("account.noAccount")}{" "}
        <a
          href={`/daftar${next !== "/" ? `?next=${encodeURIComponent(next)}` : ""}`}
        >
          {t("account.registerLink")}
        </a>
      </p>
    </section>
  );
}

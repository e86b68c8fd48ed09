// /daftar: a resident account from a name, an e-mail or Indonesian phone number, and a password;
// logged in at once.
import { useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { contactFields, register } from "../../api/auth";
import { ApiError } from "../../api/client";
import { Field, describedBy } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { language, t } from "../../i18n";
import { safeNext } from "./next-url";
import "./i18n";
import "./account.css";

export function Register() {
  const next = safeNext(useRoute().query.next);
  const { route } = useLocation();
  const [name, setName] = useState("");
  const [contact, setContact] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await register({
        name: name.trim(),
        ...contactFields(contact),
        password,
        locale: language(),
      });
      route(next, true);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : undefined);
      setBusy(false);
    }
  }

  const nameError = error?.field("name");
  const contactError = error?.field("email") ?? error?.field("phone");
  const passwordError = error?.field("password");
  const fieldErrors = nameError || contactError || passwordError;
  return (
    <section class="auth">
      <h1>{t("account.registerTitle")}</h1>
      <p>{t("account.registerIntro")}</p>
      <form onSubmit={submit} noValidate>
        <Field
          id="register-name"
          label={t("account.name")}
          error={nameError}
          required
        >
          <input
            id="register-name"
            type="text"
            autoComplete="name"
            required
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={describedBy("register-name", nameError)}
          />
        </Field>
        <Field
          id="register-contact"
          label={t("account.loginId")}
          hint={t("account.contactHint")}
          error={contactError}
          required
        >
          <input
            id="register-contact"
            type="text"
            inputMode="email"
            autoComplete="username"
            autoCapitalize="none"
            spellcheck={false}
            required
            value={contact}
            onInput={(e) => setContact(e.currentTarget.value)}
            aria-invalid={contactError ? true : undefined}
            aria-describedby={describedBy(
              "register-contact",
              contactError,
              t("account.contactHint"),
            )}
          />
        </Field>
        <Field
          id="register-password"
          label={t("account.password")}
          hint={t("account.passwordHint")}
          error={passwordError}
          required
        >
          <input
            id="register-password"
            type="password"
            autoComplete="new-password"
            minLength={8}
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={describedBy(
              "register-password",
              passwordError,
              t("account.passwordHint"),
            )}
          />
        </Field>
        {error && !fieldErrors ? <ErrorNote error={error} /> : null}
        <p>
          <button
            type="submit"
            class="btn btn-primary btn-big"
            disabled={busy}
            aria-busy={busy}
          >
            {t("account.registerButton")}
          </button>
        </p>
      </form>
      <p>
        {t("account.haveAccount")}{" "}
        <a
          href={`/masuk${next !== "/" ? `?next=${encodeURIComponent(next)}` : ""}`}
        >
          {t("account.loginLink")}
        </a>
      </p>
    </section>
  );
}

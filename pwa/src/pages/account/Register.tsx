// /daftar: a resident account from a name, an e-mail or Indonesian phone number, and a password;
// logged in at once.
import { useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { contactFields, register } from "../../api/auth";
import { useSubmit } from "../../api/use-submit";
import { TextField } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { language, t } from "../../i18n";
import { OtherScreen, SubmitButton } from "./AuthButtons";
import { safeNext } from "./next-url";
import "./i18n";
import "./account.css";

export function Register() {
  const next = safeNext(useRoute().query.next);
  const { route } = useLocation();
  const [name, setName] = useState("");
  const [contact, setContact] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, submit } = useSubmit();

  function onSubmit(event: Event) {
    event.preventDefault();
    void submit(async () => {
      await register({
        name: name.trim(),
        ...contactFields(contact),
        password,
        locale: language(),
      });
      route(next, true);
    });
  }

  const nameError = error?.field("name");
  const contactError = error?.field("email") ?? error?.field("phone");
  const passwordError = error?.field("password");
  const fieldErrors = nameError || contactError || passwordError;
  return (
    <section class="auth">
      <h1>{t("account.registerTitle")}</h1>
      <p>{t("account.registerIntro")}</p>
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id="register-name"
          label={t("account.name")}
          error={nameError}
          autoComplete="name"
          required
          value={name}
          onInput={setName}
        />
        <TextField
          id="register-contact"
          label={t("account.loginId")}
          hint={t("account.contactHint")}
          error={contactError}
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellcheck={false}
          required
          value={contact}
          onInput={setContact}
        />
        <TextField
          id="register-password"
          label={t("account.password")}
          hint={t("account.passwordHint")}
          error={passwordError}
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
          value={password}
          onInput={setPassword}
        />
        <ErrorNote error={fieldErrors ? undefined : error} />
        <p class="hint">
          {t("account.privacyBefore")}{" "}
          <a href="/privasi">{t("account.privacyLink")}</a>
        </p>
        <SubmitButton busy={busy} label={t("account.registerButton")} />
      </form>
      <OtherScreen to="login" next={next} />
    </section>
  );
}

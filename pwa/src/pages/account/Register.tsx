// /daftar: a resident account from a name, an e-mail or Indonesian phone number, a password and the
// privacy notice accepted (its version is sent). A code goes to the contact; the account exists,
// logged in, once the code comes back.
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import {
  type CodeSent,
  type Registration,
  confirmRegistration,
  contactFields,
  register,
} from "../../api/auth";
import { useSubmit } from "../../api/use-submit";
import { NoticeConsent } from "./NoticeConsent";
import { TextField } from "../../components/Field";
import { NewPasswordField } from "./NewPasswordField";
import { language, t } from "../../i18n";
import { safeNext } from "../../next-url";
import { FormEnd, OtherScreen } from "./AuthButtons";
import { ConfirmCode } from "./ConfirmCode";
import "./i18n";
import "./account.css";

export function Register() {
  const next = safeNext(useRoute().query.next);
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [registration, setRegistration] = useState<Registration | null>(null);
  return (
    <section class="auth">
      <h1>{t("account.registerTitle")}</h1>
      {sent && registration ? (
        <ConfirmCode
          id="register-code"
          sent={sent}
          next={next}
          button={t("account.verifyButton")}
          confirm={(code) => confirmRegistration(sent.login, code)}
          resend={() => register(registration)}
        >
          <p class="notice">{t("account.verifyIntro")}</p>
        </ConfirmCode>
      ) : (
        <Details
          onSent={(answer, data) => {
            setSent(answer);
            setRegistration(data);
          }}
        />
      )}
      <OtherScreen to="login" next={next} />
    </section>
  );
}

function Details({
  onSent,
}: {
  onSent: (sent: CodeSent, registration: Registration) => void;
}) {
  const [name, setName] = useState("");
  const [contact, setContact] = useState("");
  const [password, setPassword] = useState("");
  const [accepted, setAccepted] = useState<string | null>(null);
  const [unticked, setUnticked] = useState(false);
  const { busy, error, submit } = useSubmit();

  function onSubmit(event: Event) {
    event.preventDefault();
    setUnticked(accepted === null);
    if (accepted === null) return;
    const data = {
      name: name.trim(),
      ...contactFields(contact),
      password,
      locale: language(),
      privacy_version: accepted,
    };
    void submit(async () => onSent(await register(data), data));
  }

  const nameError = error?.field("name");
  const contactError = error?.field("email") ?? error?.field("phone");
  const passwordError = error?.field("password");
  const noticeError = unticked
    ? t("account.noticeRequired")
    : error?.field("privacy_version");
  const fieldErrors = nameError || contactError || passwordError || noticeError;
  return (
    <>
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
        <NewPasswordField
          id="register-password"
          label={t("account.password")}
          error={passwordError}
          value={password}
          onInput={setPassword}
        />
        <NoticeConsent
          error={noticeError}
          onAccept={(version) => {
            setAccepted(version);
            if (version) setUnticked(false);
          }}
        />
        <FormEnd
          busy={busy}
          label={t("account.registerButton")}
          error={error}
          fieldError={fieldErrors}
        />
      </form>
    </>
  );
}

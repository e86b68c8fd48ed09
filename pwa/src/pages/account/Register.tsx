// /daftar: a resident account from a name, an e-mail or Indonesian phone number, a password and the
// privacy notice accepted (its version is sent). A code goes to the contact; the account exists,
// logged in, once the code comes back.
import { useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
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
import { ErrorNote } from "../../components/Status";
import { language, t } from "../../i18n";
import { afterLogin, safeNext } from "../../next-url";
import { OtherScreen, SubmitButton } from "./AuthButtons";
import { CodeEntry } from "./CodeEntry";
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
        <Verify sent={sent} registration={registration} next={next} />
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

/** The code sent to the contact: it makes the account and logs in. */
function Verify(props: {
  sent: CodeSent;
  registration: Registration;
  next: string | null;
}) {
  const { route } = useLocation();
  const [code, setCode] = useState("");
  const { busy, error, submit } = useSubmit();

  function onSubmit(event: Event) {
    event.preventDefault();
    void submit(async () => {
      const user = await confirmRegistration(props.sent.login, code);
      route(afterLogin(props.next, user), true);
    });
  }

  const codeError = error?.field("code");
  return (
    <form onSubmit={onSubmit} noValidate>
      <p class="notice">{t("account.verifyIntro")}</p>
      <CodeEntry
        id="register-code"
        sent={props.sent}
        code={code}
        onCode={setCode}
        error={codeError}
        onResend={() => submit(() => register(props.registration))}
      />
      <ErrorNote error={codeError ? undefined : error} />
      <SubmitButton busy={busy} label={t("account.verifyButton")} />
    </form>
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
        <ErrorNote error={fieldErrors ? undefined : error} />
        <SubmitButton busy={busy} label={t("account.registerButton")} />
      </form>
    </>
  );
}

// The banner for a new e-mail or phone waiting for its code: it replaces the old one once the code
// comes back; until then the account keeps the old one.
import { useState } from "preact/hooks";
import { confirmContact, updateProfile } from "../../api/auth";
import type { User } from "../../api/client";
import { useSubmit } from "../../api/use-submit";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { CodeEntry } from "./CodeEntry";
import "./i18n";

const RESEND_SECONDS = 60;

function Pending({ kind, login }: { kind: "email" | "phone"; login: string }) {
  const [code, setCode] = useState("");
  const { busy, error, submit } = useSubmit();
  const sent = {
    login,
    channel: kind === "email" ? "email" : "sms",
    expires_in: 600,
    resend_in: RESEND_SECONDS,
  } as const;

  function onSubmit(event: Event) {
    event.preventDefault();
    void submit(() => confirmContact(login, code));
  }

  async function resend() {
    const user = await submit(() => updateProfile({ [kind]: login }));
    return user ? sent : undefined;
  }

  const codeError = error?.field("code");
  return (
    <form
      class="card account-section verify-banner"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`verify-${kind}-title`}
    >
      <h2 id={`verify-${kind}-title`}>
        {t(kind === "email" ? "account.verifyEmail" : "account.verifyPhone")}
      </h2>
      <CodeEntry
        id={`verify-${kind}-code`}
        sent={sent}
        code={code}
        onCode={setCode}
        error={codeError}
        onResend={resend}
      />
      <ErrorNote error={codeError ? undefined : error} />
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {t("account.verifyButton")}
      </button>
    </form>
  );
}

export function VerifyContact({ user }: { user: User }) {
  return (
    <>
      {user.pending_email ? (
        <Pending kind="email" login={user.pending_email} />
      ) : null}
      {user.pending_phone ? (
        <Pending kind="phone" login={user.pending_phone} />
      ) : null}
    </>
  );
}

// /admin/undangan: invite staff, operators and admins by e-mail (they choose their own password
// from the link), and the pending invitations: send again (a new link) or revoke.
import { useState } from "preact/hooks";
import { useSubmit } from "../../api/use-submit";
import { TextField } from "../../components/Field";
import { ErrorNote, Loading } from "../../components/Status";
import { formatDateTime, t } from "../../i18n";
import {
  type Invitation,
  type Role,
  inviteStaff,
  listAllOpds,
  listInvitations,
  resendInvitation,
  revokeInvitation,
} from "./api";
import { useLoad } from "../../api/use-api";
import { RoleOpdFields } from "./RoleOpdFields";
import { AdminNotice } from "./FormFields";
import "./i18n";
import "./admin.css";

const INVITED_ROLES: Role[] = ["opd_staff", "operator", "admin"];

export function Invitations() {
  const pending = useLoad(listInvitations);
  const [notice, setNotice] = useState("");
  const action = useSubmit();

  async function act(call: () => Promise<unknown>, message: string) {
    if ((await action.submit(call)) !== undefined) {
      setNotice(message);
      pending.reload();
    }
  }

  return (
    <section>
      <p>
        <a href="/admin">{t("admin.back")}</a>
      </p>
      <h1>{t("admin.invitations.title")}</h1>
      <p class="lead">{t("admin.invitations.lead")}</p>
      <InviteForm
        onInvited={(invitation) => {
          setNotice(t("admin.invitations.sent", { email: invitation.email }));
          pending.reload();
        }}
      />
      <AdminNotice text={notice} />
      <ErrorNote error={action.error} />
      <h2>{t("admin.invitations.pending")}</h2>
      {pending.loading && !pending.data ? <Loading /> : null}
      <ErrorNote error={pending.error} />
      {pending.data?.items.length === 0 ? (
        <p class="muted">{t("admin.invitations.none")}</p>
      ) : null}
      <ul class="list">
        {pending.data?.items.map((invitation) => (
          <PendingInvitation
            key={invitation.id}
            invitation={invitation}
            onResend={() =>
              void act(
                () => resendInvitation(invitation.id),
                t("admin.invitations.sent", { email: invitation.email }),
              )
            }
            onRevoke={() =>
              void act(
                () => revokeInvitation(invitation.id).then(() => true),
                t("admin.invitations.revoked", { email: invitation.email }),
              )
            }
          />
        ))}
      </ul>
    </section>
  );
}

function PendingInvitation({
  invitation,
  onResend,
  onRevoke,
}: {
  invitation: Invitation;
  onResend: () => void;
  onRevoke: () => void;
}) {
  const expired = new Date(invitation.expires_at).getTime() < Date.now();
  return (
    <li class="card">
      <strong>{invitation.name}</strong> · {invitation.email}
      <br />
      <span class="muted">
        {t(`admin.role.${invitation.role}`)}
        {invitation.opd ? ` · ${invitation.opd.short_name}` : ""} ·{" "}
        {t(expired ? "admin.invitations.expired" : "admin.invitations.until", {
          when: formatDateTime(invitation.expires_at),
        })}
      </span>
      <p class="admin-line">
        <button type="button" class="btn" onClick={onResend}>
          {t("admin.invitations.resend", { name: invitation.name })}
        </button>{" "}
        <button type="button" class="btn" onClick={onRevoke}>
          {t("admin.invitations.revoke", { name: invitation.name })}
        </button>
      </p>
    </li>
  );
}

function InviteForm({
  onInvited,
}: {
  onInvited: (invitation: Invitation) => void;
}) {
  const opds = useLoad(listAllOpds);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("opd_staff");
  const [opd, setOpd] = useState("");
  const { busy, error, submit } = useSubmit();

  function onSubmit(event: Event) {
    event.preventDefault();
    void submit(async () => {
      const input = {
        name,
        email,
        role,
        opd: role === "opd_staff" ? opd || null : null,
      };
      const invitation = await inviteStaff(input);
      setName("");
      setEmail("");
      onInvited(invitation);
    });
  }

  return (
    <form class="card admin-form" onSubmit={onSubmit} noValidate>
      <h2>{t("admin.invitations.new")}</h2>
      <div class="admin-grid">
        <TextField
          id="invite-name"
          label={t("admin.invitations.name")}
          error={error?.field("name")}
          required
          value={name}
          onInput={setName}
        />
        <TextField
          id="invite-email"
          label={t("admin.invitations.email")}
          error={error?.field("email")}
          type="email"
          inputMode="email"
          required
          value={email}
          onInput={setEmail}
        />
        <RoleOpdFields
          prefix="invite"
          roles={INVITED_ROLES}
          role={role}
          onRole={setRole}
          opd={opd}
          onOpd={setOpd}
          opds={(opds.data ?? []).filter((one) => one.is_active)}
          error={error}
        />
      </div>
      <ErrorNote
        error={
          error && Object.keys(error.errors).length === 0 ? error : undefined
        }
      />
      <button
        type="submit"
        class="btn btn-primary"
        disabled={busy}
        aria-busy={busy}
      >
        {t("admin.invitations.send")}
      </button>
    </form>
  );
}

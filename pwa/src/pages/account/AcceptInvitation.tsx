// /undangan#TOKEN: an invited staff member, operator or admin chooses their own password. The token
// comes after "#", so it never reaches a server log; a role that requires two-factor sign-in goes
// straight on to set it up.
import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import {
  type InvitationPreview,
  acceptInvitation,
  previewInvitation,
} from "../../api/two-factor";
import { useSubmit } from "../../api/use-submit";
import { NewPasswordField } from "./NewPasswordField";
import { ErrorNote, Loading } from "../../components/Status";
import { formatDateTime, t } from "../../i18n";
import { afterLogin } from "../../next-url";
import { SubmitButton } from "./AuthButtons";
import "./i18n";
import "./account.css";

export function AcceptInvitation() {
  const { route } = useLocation();
  const [token] = useState(() => window.location.hash.slice(1));
  const [invitation, setInvitation] = useState<InvitationPreview | null>(null);
  const [password, setPassword] = useState("");
  const load = useSubmit();
  const accept = useSubmit();

  useEffect(() => {
    void load.submit(async () => setInvitation(await previewInvitation(token)));
  }, [token]);

  function onSubmit(event: Event) {
    event.preventDefault();
    void accept.submit(async () => {
      route(afterLogin(null, await acceptInvitation(token, password)), true);
    });
  }

  const passwordError = accept.error?.field("password");
  return (
    <section class="auth">
      <h1>{t("account.invitation.title")}</h1>
      {load.error ? <ErrorNote error={load.error} /> : null}
      {!invitation && !load.error ? <Loading /> : null}
      {invitation ? (
        <form onSubmit={onSubmit} noValidate>
          <p class="lead">
            {t("account.invitation.intro", {
              name: invitation.name,
              role: t(`account.role.${invitation.role}`),
            })}
            {invitation.opd ? ` (${invitation.opd.name})` : ""}
          </p>
          <p class="muted">
            {t("account.invitation.until", {
              when: formatDateTime(invitation.expires_at),
            })}
          </p>
          <input
            type="email"
            name="username"
            autoComplete="username"
            value={invitation.email}
            readOnly
            hidden
          />
          <NewPasswordField
            id="invitation-password"
            label={t("account.invitation.password")}
            error={passwordError}
            value={password}
            onInput={setPassword}
          />
          <ErrorNote error={passwordError ? undefined : accept.error} />
          <SubmitButton
            busy={accept.busy}
            label={t("account.invitation.accept")}
          />
        </form>
      ) : null}
    </section>
  );
}

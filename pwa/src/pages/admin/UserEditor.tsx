// Changing one user's role, OPD and active flag; only what changed is sent, and the server's
// refusals (such as changing your own role) are shown as it words them.
import { useState } from "preact/hooks";
import type { ApiError } from "../../api/client";
import type { Opd } from "../../api/places";
import { useSubmit } from "../../api/use-submit";
import { CheckField } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import {
  type AdminUser,
  ROLES,
  type Role,
  type UserChanges,
  resetTwoFactor,
  updateUser,
} from "./api";
import { InlineForm } from "./FormFields";
import { RoleOpdFields } from "./RoleOpdFields";

interface Props {
  user: AdminUser;
  opds: Opd[];
  /** Why the OPD list could not be loaded, if it could not. */
  opdsError?: ApiError | undefined;
  onSaved: (user: AdminUser) => void;
  onCancel: () => void;
}

export function UserEditor({
  user,
  opds,
  opdsError,
  onSaved,
  onCancel,
}: Props) {
  const [role, setRole] = useState<Role>(user.role);
  const [opd, setOpd] = useState(user.opd?.code ?? "");
  const [active, setActive] = useState(user.is_active);
  const { busy, error, submit } = useSubmit();
  const reset = useSubmit();
  const prefix = `user-${user.id}`;

  async function resetSecondFactor() {
    const saved = await reset.submit(() => resetTwoFactor(user.id));
    if (saved) onSaved(saved);
  }

  const choices = opds.filter(
    (one) => one.is_active || one.code === user.opd?.code,
  );

  async function save() {
    const changes: UserChanges = {};
    if (role !== user.role) changes.role = role;
    if (role === "opd_staff" && opd !== (user.opd?.code ?? ""))
      changes.opd = opd || null;
    if (active !== user.is_active) changes.is_active = active;
    if (Object.keys(changes).length === 0) return onCancel();
    const saved = await submit(() => updateUser(user.id, changes));
    if (saved) onSaved(saved);
  }

  return (
    <InlineForm
      title={t("admin.users.editOne", { name: user.name })}
      focus="select"
      busy={busy}
      error={error}
      onSave={() => void save()}
      onCancel={onCancel}
    >
      <div class="admin-grid">
        <RoleOpdFields
          prefix={prefix}
          roles={ROLES}
          role={role}
          onRole={setRole}
          opd={opd}
          onOpd={setOpd}
          opds={choices}
          error={error}
        />
      </div>
      {role === "opd_staff" ? <ErrorNote error={opdsError} /> : null}
      <CheckField
        id={`${prefix}-active`}
        label={t("admin.users.mayLogIn")}
        hint={t("admin.users.mayLogInHint")}
        checked={active}
        error={error?.field("is_active")}
        onChange={setActive}
      />
      {user.two_factor_enabled ? (
        <div class="field">
          <button
            type="button"
            class="btn"
            aria-describedby={`${prefix}-reset-hint`}
            disabled={reset.busy}
            onClick={() => void resetSecondFactor()}
          >
            {t("admin.users.resetTwoFactor")}
          </button>
          <p class="hint" id={`${prefix}-reset-hint`}>
            {t("admin.users.resetTwoFactorHint")}
          </p>
          <ErrorNote error={reset.error} />
        </div>
      ) : null}
    </InlineForm>
  );
}

// The role select and, for OPD staff only, the OPD they work for: inviting someone, editing a user.
import type { ApiError } from "../../api/client";
import type { Opd } from "../../api/places";
import { SelectField } from "../../components/Field";
import { NamedOptions, OpdOptions } from "../../components/Options";
import { t } from "../../i18n";
import type { Role } from "./api";

interface Props {
  /** The selects' ids are `${prefix}-role` and `${prefix}-opd`. */
  prefix: string;
  roles: Role[];
  role: Role;
  onRole: (role: Role) => void;
  opd: string;
  onOpd: (code: string) => void;
  /** The OPDs that may be chosen. */
  opds: Opd[];
  error: ApiError | undefined;
}

/** Two cells of an admin grid: the role, then the OPD when the role is OPD staff. */
export function RoleOpdFields(props: Props) {
  const { prefix, role, opd, error } = props;
  return (
    <>
      <SelectField
        id={`${prefix}-role`}
        label={t("admin.users.role")}
        value={role}
        error={error?.field("role")}
        onChange={(value) => props.onRole(value as Role)}
      >
        <NamedOptions names={props.roles} texts="admin.role" />
      </SelectField>
      {role === "opd_staff" ? (
        <SelectField
          id={`${prefix}-opd`}
          label={t("admin.users.opd")}
          value={opd}
          required
          error={error?.field("opd")}
          onChange={props.onOpd}
          blank={t("admin.users.chooseOpd")}
        >
          <OpdOptions opds={props.opds} named />
        </SelectField>
      ) : null}
    </>
  );
}

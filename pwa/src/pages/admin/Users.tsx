// Users and roles: find people, then change their role, OPD or whether they may log in.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { userStore } from "../../api/client";
import { usePaged } from "../../api/use-paged";
import { SelectField, TextField } from "../../components/Field";
import { NamedOptions } from "../../components/Options";
import { PagedStates } from "../../components/PagedStates";
import { formatDateTime, t } from "../../i18n";
import { useStore } from "../../store";
import { ActiveBadge, AdminTable, EditableRow } from "./AdminTable";
import { type AdminUser, ROLES, listAllOpds, usersPath } from "./api";
import { useLoad } from "../../api/use-api";
import { UserEditor } from "./UserEditor";
import { AdminNotice } from "./FormFields";
import "./i18n";
import "./admin.css";

const sameUser = (a: AdminUser, b: AdminUser) => a.id === b.id;

export function Users() {
  const me = useStore(userStore);
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  const [role, setRole] = useState("");
  const [editing, setEditing] = useState<number | null>(null);
  const [notice, setNotice] = useState("");
  const users = usePaged<AdminUser>(usersPath(search, role));
  const opds = useLoad(listAllOpds);

  function closeEditor(id: number) {
    setEditing(null);
    window.setTimeout(() =>
      document.getElementById(`edit-user-${id}`)?.focus(),
    );
  }

  function saved(user: AdminUser) {
    users.replace(user, sameUser);
    setNotice(t("admin.users.saved", { name: user.name }));
    closeEditor(user.id);
  }

  return (
    <section>
      <p>
        <a href="/admin">{t("admin.back")}</a>
      </p>
      <h1>{t("admin.users.title")}</h1>
      <form
        class="admin-toolbar"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(typed);
        }}
      >
        <TextField
          id="user-search"
          label={t("admin.users.search")}
          hint={t("admin.users.searchHint")}
          value={typed}
          onInput={setTyped}
        />
        <SelectField
          id="user-role"
          label={t("admin.users.roleFilter")}
          value={role}
          onChange={setRole}
          blank={t("admin.users.allRoles")}
        >
          <NamedOptions names={ROLES} texts="admin.role" />
        </SelectField>
        <button type="submit" class="btn btn-primary">
          {t("admin.users.find")}
        </button>
      </form>
      <AdminNotice text={notice} />
      <PagedStates paged={users} empty={t("admin.users.empty")}>
        <AdminTable
          labelledBy="users-caption"
          caption={t("admin.users.caption")}
          columns={[
            t("admin.users.name"),
            t("admin.users.role"),
            t("admin.users.status"),
          ]}
          actions
        >
          {users.items.map((user) => (
            <UserRow
              key={user.id}
              user={user}
              isMe={me?.id === user.id}
              editing={editing === user.id}
              onEdit={() => setEditing(user.id)}
            >
              <UserEditor
                user={user}
                opds={opds.data ?? []}
                opdsError={opds.error}
                onSaved={saved}
                onCancel={() => closeEditor(user.id)}
              />
            </UserRow>
          ))}
        </AdminTable>
      </PagedStates>
    </section>
  );
}

interface RowProps {
  user: AdminUser;
  isMe: boolean;
  editing: boolean;
  onEdit: () => void;
  children: ComponentChildren;
}

function UserRow({ user, isMe, editing, onEdit, children }: RowProps) {
  return (
    <EditableRow
      buttonId={`edit-user-${user.id}`}
      label={t("admin.users.editOne", { name: user.name })}
      editing={editing}
      onEdit={onEdit}
      span={4}
      editor={children}
    >
      <td>
        <strong>{user.name}</strong>
        {isMe ? (
          <span class="badge admin-badge-me">{t("admin.users.me")}</span>
        ) : null}
        <br />
        <span class="muted">
          {[user.email, user.phone].filter(Boolean).join(" · ")}
        </span>
      </td>
      <td>
        {t(`admin.role.${user.role}`)}
        {user.opd ? <span class="muted"> · {user.opd.short_name}</span> : null}
        {user.two_factor_enabled ? (
          <span class="badge">{t("admin.users.twoFactorOn")}</span>
        ) : null}
      </td>
      <td>
        <ActiveBadge active={user.is_active} />
        {user.last_login_at ? (
          <span class="muted admin-small">
            {" "}
            {t("admin.users.lastLogin", {
              when: formatDateTime(user.last_login_at),
            })}
          </span>
        ) : null}
      </td>
    </EditableRow>
  );
}

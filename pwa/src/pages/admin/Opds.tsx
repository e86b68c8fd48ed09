// Agencies (OPD): the list with deactivated ones, adding one and editing one in place.
import { useState } from "preact/hooks";
import type { Opd } from "../../api/places";
import { Empty, ErrorNote, Loading } from "../../components/Status";
import { t } from "../../i18n";
import { ActiveBadge, AdminTable, EditableRow } from "./AdminTable";
import { listAllOpds } from "./api";
import { OpdForm } from "./OpdForm";
import { useLoad } from "../../api/use-api";
import { AdminNotice } from "./FormFields";
import "./i18n";
import "./admin.css";

const byName = (a: Opd, b: Opd) => a.name.localeCompare(b.name, "id");

export function Opds() {
  const opds = useLoad(listAllOpds);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState("");

  function focusLater(id: string) {
    window.setTimeout(() => document.getElementById(id)?.focus());
  }

  function saved(opd: Opd, added: boolean) {
    const others = (opds.data ?? []).filter((one) => one.code !== opd.code);
    opds.set([...others, opd].sort(byName));
    setNotice(
      t(added ? "admin.opds.added" : "admin.opds.saved", {
        name: opd.short_name,
      }),
    );
    setAdding(false);
    setEditing(null);
    focusLater(`edit-opd-${opd.code}`);
  }

  return (
    <section>
      <p>
        <a href="/admin">{t("admin.back")}</a>
      </p>
      <h1>{t("admin.opds.title")}</h1>
      {adding ? (
        <OpdForm
          onSaved={(opd) => saved(opd, true)}
          onCancel={() => {
            setAdding(false);
            focusLater("add-opd");
          }}
        />
      ) : (
        <button
          id="add-opd"
          type="button"
          class="btn btn-primary"
          onClick={() => setAdding(true)}
        >
          {t("admin.opds.add")}
        </button>
      )}
      <AdminNotice text={notice} />
      {opds.loading && !opds.data ? <Loading /> : null}
      <ErrorNote error={opds.error} onRetry={opds.reload} />
      {opds.data && opds.data.length === 0 ? (
        <Empty>{t("admin.opds.empty")}</Empty>
      ) : null}
      {opds.data?.length ? (
        <AdminTable
          labelledBy="opds-caption"
          caption={t("admin.opds.caption")}
          columns={[
            t("admin.opds.name"),
            t("admin.opds.contact"),
            t("admin.users.status"),
          ]}
          actions
        >
          {opds.data.map((opd) => (
            <OpdRow
              key={opd.code}
              opd={opd}
              editing={editing === opd.code}
              onEdit={() => setEditing(opd.code)}
              onSaved={(changed) => saved(changed, false)}
              onCancel={() => {
                setEditing(null);
                focusLater(`edit-opd-${opd.code}`);
              }}
            />
          ))}
        </AdminTable>
      ) : null}
    </section>
  );
}

interface RowProps {
  opd: Opd;
  editing: boolean;
  onEdit: () => void;
  onSaved: (opd: Opd) => void;
  onCancel: () => void;
}

function OpdRow({ opd, editing, onEdit, onSaved, onCancel }: RowProps) {
  return (
    <EditableRow
      buttonId={`edit-opd-${opd.code}`}
      label={t("admin.opds.editOne", { name: opd.short_name })}
      editing={editing}
      onEdit={onEdit}
      span={4}
      editor={<OpdForm opd={opd} onSaved={onSaved} onCancel={onCancel} />}
    >
      <td>
        <strong>{opd.short_name}</strong>{" "}
        <span class="muted">({opd.code})</span>
        <br />
        {opd.name}
      </td>
      <td>
        {[opd.email, opd.phone, opd.address].filter(Boolean).map((line) => (
          <span key={line} class="admin-line">
            {line}
          </span>
        ))}
      </td>
      <td>
        <ActiveBadge active={opd.is_active} />
      </td>
    </EditableRow>
  );
}

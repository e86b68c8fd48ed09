// Agencies (OPD): the list with deactivated ones, adding one and editing one in place.
import { useState } from "preact/hooks";
import type { Opd } from "../../api/places";
import { Empty, ErrorNote, Loading } from "../../components/Status";
import { t } from "../../i18n";
import { listAllOpds } from "./api";
import { OpdForm } from "./OpdForm";
import { useLoad } from "./use-load";
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
      <p class="admin-notice" role="status" aria-live="polite">
        {notice}
      </p>
      {opds.loading && !opds.data ? <Loading /> : null}
      <ErrorNote error={opds.error} />
      {opds.error ? (
        <button type="button" class="btn" onClick={opds.reload}>
          {t("admin.retry")}
        </button>
      ) : null}
      {opds.data && opds.data.length === 0 ? (
        <Empty>{t("admin.opds.empty")}</Empty>
      ) : null}
      {opds.data?.length ? (
        <div
          class="table-wrap"
          role="region"
          aria-labelledby="opds-caption"
          tabIndex={0}
        >
          <table class="admin-table">
            <caption id="opds-caption" class="visually-hidden">
              {t("admin.opds.caption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.opds.name")}</th>
                <th scope="col">{t("admin.opds.contact")}</th>
                <th scope="col">{t("admin.users.status")}</th>
                <th scope="col">
                  <span class="visually-hidden">{t("admin.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
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
    <>
      <tr>
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
          <span
            class={opd.is_active ? "badge badge-ok" : "badge badge-overdue"}
          >
            {t(opd.is_active ? "admin.active" : "admin.inactive")}
          </span>
        </td>
        <td>
          <button
            type="button"
            id={`edit-opd-${opd.code}`}
            class="btn btn-small"
            aria-expanded={editing}
            aria-label={t("admin.opds.editOne", { name: opd.short_name })}
            onClick={onEdit}
          >
            {t("admin.edit")}
          </button>
        </td>
      </tr>
      {editing ? (
        <tr class="admin-editor-row">
          <td colSpan={4}>
            <OpdForm opd={opd} onSaved={onSaved} onCancel={onCancel} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

// The audit trail: who did what and when, filtered by person, action, target and dates, newest
// first, with the same rows as a CSV download (the download is itself recorded).
import { useState } from "preact/hooks";
import { usePaged } from "../../api/use-paged";
import { useSubmit } from "../../api/use-submit";
import { downloadFile } from "../../api/download";
import { SelectField, TextField } from "../../components/Field";
import { NamedOptions } from "../../components/Options";
import { PagedStates } from "../../components/PagedStates";
import { ErrorNote } from "../../components/Status";
import { formatDateTime, t } from "../../i18n";
import { zonedIso, zonedNow } from "../../i18n/zoned-time";
import { AdminTable } from "./AdminTable";
import {
  AUDIT_AREAS,
  AUDIT_TARGETS,
  type AuditEntry,
  type AuditFilters,
  auditCsvUrl,
  auditPath,
} from "./api";
import "./i18n";
import "./admin.css";

interface Form {
  actor: string;
  action: string;
  target_type: string;
  target_id: string;
  from: string;
  to: string;
}

const EMPTY: Form = {
  actor: "",
  action: "",
  target_type: "",
  target_id: "",
  from: "",
  to: "",
};

/** The day after a "2026-12-05" date, so that the range includes the whole last day. */
function dayAfter(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** The form's dates are city days: from the first one's midnight to the end of the last one. */
function toFilters(form: Form): AuditFilters {
  return {
    actor: form.actor,
    action: form.action,
    target_type: form.target_type,
    target_id: form.target_id,
    since: form.from ? zonedIso(`${form.from}T00:00`) : null,
    until: form.to ? zonedIso(`${dayAfter(form.to)}T00:00`) : null,
  };
}

export function Audit() {
  const [form, setForm] = useState<Form>(EMPTY);
  const [filters, setFilters] = useState<AuditFilters>(toFilters(EMPTY));
  const entries = usePaged<AuditEntry>(auditPath(filters));
  const exporting = useSubmit();
  const change = (name: keyof Form) => (value: string) =>
    setForm((before) => ({ ...before, [name]: value }));
  const download = () =>
    void exporting.submit(() =>
      downloadFile(
        auditCsvUrl(filters),
        `jejak-audit-${zonedNow().slice(0, 10)}.csv`,
      ),
    );

  return (
    <section>
      <p>
        <a href="/admin">{t("admin.back")}</a>
      </p>
      <h1>{t("admin.audit.title")}</h1>
      <p class="muted">{t("admin.audit.lead")}</p>
      <form
        class="admin-toolbar"
        role="search"
        aria-label={t("admin.audit.filters")}
        onSubmit={(event) => {
          event.preventDefault();
          setFilters(toFilters(form));
        }}
      >
        <TextField
          id="audit-actor"
          label={t("admin.audit.actor")}
          hint={t("admin.audit.actorHint")}
          inputMode="numeric"
          pattern="[0-9]*"
          value={form.actor}
          onInput={change("actor")}
        />
        <SelectField
          id="audit-action"
          label={t("admin.audit.action")}
          value={form.action}
          onChange={change("action")}
          blank={t("admin.audit.allActions")}
        >
          <NamedOptions names={AUDIT_AREAS} texts="admin.audit.area" />
        </SelectField>
        <SelectField
          id="audit-target-type"
          label={t("admin.audit.targetType")}
          value={form.target_type}
          onChange={change("target_type")}
          blank={t("admin.audit.allTargets")}
        >
          <NamedOptions names={AUDIT_TARGETS} texts="admin.audit.target" />
        </SelectField>
        <TextField
          id="audit-target-id"
          label={t("admin.audit.targetId")}
          hint={t("admin.audit.targetIdHint")}
          value={form.target_id}
          onInput={change("target_id")}
        />
        <TextField
          id="audit-from"
          type="date"
          label={t("admin.audit.from")}
          value={form.from}
          onInput={change("from")}
        />
        <TextField
          id="audit-to"
          type="date"
          label={t("admin.audit.to")}
          value={form.to}
          onInput={change("to")}
        />
        <button type="submit" class="btn btn-primary">
          {t("admin.audit.apply")}
        </button>
        <button
          type="button"
          class="btn"
          onClick={download}
          disabled={exporting.busy}
        >
          {exporting.busy
            ? t("admin.audit.downloading")
            : t("admin.audit.download")}
        </button>
      </form>
      <ErrorNote error={exporting.error} />
      <PagedStates paged={entries} empty={t("admin.audit.empty")}>
        <AdminTable
          labelledBy="audit-caption"
          caption={t("admin.audit.caption")}
          columns={[
            t("admin.audit.when"),
            t("admin.audit.who"),
            t("admin.audit.what"),
            t("admin.audit.target"),
            t("admin.audit.details"),
            t("admin.audit.address"),
          ]}
        >
          {entries.items.map((entry) => (
            <AuditRow key={entry.id} entry={entry} />
          ))}
        </AdminTable>
      </PagedStates>
    </section>
  );
}

/** The action's words when the screen knows them, and always its code. */
function ActionName({ action }: { action: string }) {
  const key = `admin.audit.actions.${action}`;
  const words = t(key);
  return (
    <>
      {words === key ? null : <span class="admin-line">{words}</span>}
      <code class="admin-small">{action}</code>
    </>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const details = Object.keys(entry.details).length
    ? JSON.stringify(entry.details)
    : "";
  return (
    <tr>
      <td>{formatDateTime(entry.at)}</td>
      <td>
        {entry.actor ? (
          <>
            <strong>{entry.actor.name}</strong>
            <span class="muted admin-small admin-line">
              #{entry.actor.id}
              {entry.actor_role
                ? ` · ${t(`admin.role.${entry.actor_role}`)}`
                : ""}
            </span>
          </>
        ) : (
          t("admin.audit.system")
        )}
      </td>
      <td>
        <ActionName action={entry.action} />
      </td>
      <td>
        {entry.target_type ? (
          <>
            {t(`admin.audit.target.${entry.target_type}`)}
            <span class="admin-line">{entry.target_id}</span>
          </>
        ) : null}
      </td>
      <td>
        <code class="admin-small admin-details">{details}</code>
      </td>
      <td title={entry.user_agent ?? undefined}>{entry.ip_address ?? ""}</td>
    </tr>
  );
}

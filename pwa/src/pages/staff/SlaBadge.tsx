// The SLA state of an open request as a badge: a word and a sign, never colour alone.
import type { ServiceRequest } from "../../api/requests";
import { formatDateTime, t } from "../../i18n";
import { relativeTime, slaOf } from "./sla";

const SIGNS = { overdue: "⚠", due: "!", ok: "✓" };

export function SlaBadge({ request }: { request: ServiceRequest }) {
  const sla = slaOf(request);
  if (!sla) return null;
  return (
    <span class={`badge badge-${sla}`}>
      <span aria-hidden="true">{SIGNS[sla]} </span>
      {t(`staff.sla.${sla}`)}
    </span>
  );
}

/** The deadline: badge, date and how far away it is. */
export function SlaDeadline({ request }: { request: ServiceRequest }) {
  const open = slaOf(request) !== null;
  return (
    <span class="sla-deadline">
      <SlaBadge request={request} />{" "}
      <time dateTime={request.sla_due_at}>
        {formatDateTime(request.sla_due_at)}
      </time>
      {open ? (
        <span class="muted"> ({relativeTime(request.sla_due_at)})</span>
      ) : null}
    </span>
  );
}

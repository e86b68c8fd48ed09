// An incident's timeline (who did what, when) and its linked requests, each by its own code.
import { Empty } from "../../components/Status";
import { formatDateTime, t } from "../../i18n";
import { requestHref } from "./dashboard-api";
import type { IncidentEvent, LinkedRequest } from "./incidents-api";

function codesOf(event: IncidentEvent): string[] {
  const codes = event.data?.requests;
  return Array.isArray(codes) ? codes.map(String) : [];
}

/** The event's own words; a proposal's reason is shown above in the person's language. */
function detailOf(event: IncidentEvent): string | null {
  const codes = codesOf(event);
  if (codes.length) return codes.join(", ");
  return event.kind === "proposed" ? null : event.text;
}

export function IncidentTimeline({ events }: { events: IncidentEvent[] }) {
  return (
    <ol class="cc-timeline">
      {events.map((event) => {
        const detail = detailOf(event);
        return (
          <li key={event.id} data-event={event.kind}>
            <p>
              <strong>{t(`command.incident.event.${event.kind}`)}</strong>
              {" · "}
              {event.author?.name ?? t("command.incident.bySystem")}
              {" · "}
              <time dateTime={event.created_at}>
                {formatDateTime(event.created_at)}
              </time>
            </p>
            {detail ? <p class="cc-timeline-text">{detail}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}

export function LinkedRequests({ requests }: { requests: LinkedRequest[] }) {
  if (requests.length === 0)
    return <Empty>{t("command.incident.noRequests")}</Empty>;
  return (
    <ul class="cc-linked">
      {requests.map((request) => (
        <li key={request.code}>
          <a class="more-link" href={requestHref(request.code)}>
            {request.code}
          </a>{" "}
          <span class="muted">
            {t(`status.${request.status}`)} · {request.opd} ·{" "}
            {formatDateTime(request.created_at)}
          </span>
        </li>
      ))}
    </ul>
  );
}

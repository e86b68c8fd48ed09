// An incident's timeline: who did what, when.
import { formatDateTime, t } from "../../i18n";
import type { IncidentEvent } from "./incidents-api";

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

// A request's history, oldest first: filing, status changes, comments, reroutes, ratings and the
// photos that came with them. Staff see internal notes and hidden comments too, marked as such.
import type { EventAuthor, RequestEvent } from "../api/requests";
import { formatDateTime, t } from "../i18n";
import "../pages/requests/i18n";
import "./Timeline.css";

interface Props {
  events: RequestEvent[];
  /** The request's rating, shown with the rating event (the event itself carries only the feedback). */
  rating?: number | null;
}

function authorName(author: EventAuthor | null): string {
  if (!author?.role) return t("requests.author.anonymous");
  if (author.role === "opd_staff" && author.opd)
    return t("requests.author.staffOf", { opd: author.opd.name });
  return t(`requests.author.${author.role}`);
}

function title(event: RequestEvent): string {
  switch (event.kind) {
    case "created":
      return t("requests.event.created");
    case "status":
      // A resolved request going back to work at the reporter's word is a reopening.
      if (event.from_status === "resolved" && event.author?.role === "resident")
        return t("requests.event.reopened");
      return t("requests.event.status", {
        status: t(`status.${event.to_status ?? "submitted"}`),
      });
    case "comment":
      return t("requests.event.comment", { author: authorName(event.author) });
    case "note":
      return t("requests.event.note", { author: authorName(event.author) });
    case "reroute":
      return t("requests.event.reroute", {
        from: event.from_opd?.name ?? "—",
        to: event.to_opd?.name ?? "—",
      });
    case "rating":
      return t("requests.event.rating");
  }
}

function Photos({ event }: { event: RequestEvent }) {
  if (!event.photos.length) return null;
  return (
    <ul class="timeline-photos">
      {event.photos.map((photo, index) => (
        <li key={photo.url}>
          <a href={photo.url}>
            <img
              src={photo.thumb_url}
              alt={t("requests.event.photo", { number: index + 1 })}
              loading="lazy"
              width={96}
              height={Math.round((96 * photo.height) / photo.width) || 72}
            />
          </a>
        </li>
      ))}
    </ul>
  );
}

export function Timeline({ events, rating }: Props) {
  return (
    <ol class="timeline">
      {events.map((event) => (
        <li
          key={event.id}
          class={`timeline-item timeline-${event.kind}${event.is_internal ? " timeline-internal" : ""}`}
        >
          <p class="timeline-title">
            <strong>{title(event)}</strong>
            {event.is_internal ? (
              <span class="badge">{t("requests.event.internal")}</span>
            ) : null}
            {event.is_hidden ? (
              <span class="badge">{t("requests.event.hidden")}</span>
            ) : null}
          </p>
          <p class="timeline-time muted">
            <time dateTime={event.created_at}>
              {formatDateTime(event.created_at)}
            </time>
          </p>
          {event.kind === "rating" && rating ? (
            <p>{t("requests.rating.value", { rating })}</p>
          ) : null}
          {event.text ? <p class="timeline-text">{event.text}</p> : null}
          <Photos event={event} />
        </li>
      ))}
    </ol>
  );
}

// One request in a list: service, code, status, date and place; the whole card opens its page.
import { type ServiceRequest, localized } from "../../api/requests";
import { StatusBadge } from "../../components/StatusBadge";
import { formatDate, t } from "../../i18n";
import { requestPlace } from "./request-place";

export function RequestCard({ request }: { request: ServiceRequest }) {
  const place = requestPlace(request);
  return (
    <a class="card request-card" href={`/laporan/${request.code}`}>
      <h3>{localized(request.service.name)}</h3>
      <StatusBadge status={request.status} overdue={request.is_overdue} />
      <p class="request-card-meta muted">
        <span class="request-code">{request.code}</span>
        {" · "}
        <time dateTime={request.created_at}>
          {formatDate(request.created_at)}
        </time>
        {place ? ` · ${place}` : null}
      </p>
      {request.supporter_count > 0 ? (
        <p class="request-card-meta muted">
          {t("requests.supporters", { count: request.supporter_count })}
        </p>
      ) : null}
    </a>
  );
}

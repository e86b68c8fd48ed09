// The request's key facts: when, where, who handles it, and the deadline.
import type { ServiceRequest } from "../../api/requests";
import { formatDateTime, t } from "../../i18n";

function place(request: ServiceRequest): string {
  const parts = [
    request.location.address,
    request.kelurahan
      ? t("requests.page.kelurahan", { name: request.kelurahan.name })
      : null,
    request.kecamatan
      ? t("requests.page.kecamatan", { name: request.kecamatan.name })
      : null,
  ];
  return parts.filter(Boolean).join(", ");
}

export function RequestFacts({ request }: { request: ServiceRequest }) {
  const where = place(request);
  return (
    <dl class="request-facts">
      <div>
        <dt>{t("requests.page.code")}</dt>
        <dd class="request-code">{request.code}</dd>
      </div>
      <div>
        <dt>{t("requests.page.filed")}</dt>
        <dd>
          <time dateTime={request.created_at}>
            {formatDateTime(request.created_at)}
          </time>
        </dd>
      </div>
      <div>
        <dt>{t("requests.page.opd")}</dt>
        <dd>{request.opd.name}</dd>
      </div>
      {where ? (
        <div>
          <dt>{t("requests.page.location")}</dt>
          <dd>{where}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t("requests.page.due")}</dt>
        <dd>
          <time dateTime={request.sla_due_at}>
            {formatDateTime(request.sla_due_at)}
          </time>
          {request.is_overdue ? (
            <>
              {" "}
              <span class="badge badge-overdue">{t("requests.overdue")}</span>
            </>
          ) : null}
        </dd>
      </div>
      {request.resolved_at ? (
        <div>
          <dt>{t("requests.page.resolved")}</dt>
          <dd>
            <time dateTime={request.resolved_at}>
              {formatDateTime(request.resolved_at)}
            </time>
          </dd>
        </div>
      ) : null}
      {request.duplicate_of ? (
        <div>
          <dt>{t("requests.page.duplicateOf")}</dt>
          <dd>
            <a href={`/laporan/${request.duplicate_of}`}>
              {request.duplicate_of}
            </a>
          </dd>
        </div>
      ) : null}
      {request.rating ? (
        <div>
          <dt>{t("requests.page.rating")}</dt>
          <dd>{t("requests.rating.value", { rating: request.rating })}</dd>
        </div>
      ) : null}
    </dl>
  );
}

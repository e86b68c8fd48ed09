// A request's key facts for the resident's request page and the staff work page: its code, when
// it came in, who handles it, the deadline, when it was resolved, the original of a duplicate and
// the rating. Each screen adds the facts only it shows.
import type { ComponentChildren } from "preact";
import type { ServiceRequest } from "../api/requests";
import { formatDateTime, t } from "../i18n";
import "../pages/requests/i18n";
import "./RequestFacts.css";

/** One row of a facts list (<dl class="request-facts">). */
export function Fact({
  label,
  children,
}: {
  label: string;
  children: ComponentChildren;
}) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** An instant in the city's zone, or a dash when there is none yet. */
export function When({ iso }: { iso: string | null }) {
  return iso ? <time dateTime={iso}>{formatDateTime(iso)}</time> : <>—</>;
}

interface Props {
  request: ServiceRequest;
  /** Where a duplicate's original opens: the public page, or the staff work page. */
  pagePath?: (code: string) => string;
  /** The deadline as staff see it (with its SLA state); residents see the date and "Terlambat". */
  deadline?: ComponentChildren;
  /** The facts only one screen shows, after who handles it. */
  children?: ComponentChildren;
}

export function RequestFacts({
  request,
  pagePath = (code) => `/laporan/${code}`,
  deadline,
  children,
}: Props) {
  return (
    <dl class="request-facts">
      <Fact label={t("requests.page.code")}>
        <span class="request-code">{request.code}</span>
      </Fact>
      <Fact label={t("requests.page.filed")}>
        <When iso={request.created_at} />
      </Fact>
      <Fact label={t("requests.page.opd")}>{request.opd.name}</Fact>
      {children}
      <Fact label={t("requests.page.due")}>
        {deadline ?? (
          <>
            <When iso={request.sla_due_at} />
            {request.is_overdue ? (
              <>
                {" "}
                <span class="badge badge-overdue">{t("requests.overdue")}</span>
              </>
            ) : null}
          </>
        )}
      </Fact>
      {request.resolved_at ? (
        <Fact label={t("requests.page.resolved")}>
          <When iso={request.resolved_at} />
        </Fact>
      ) : null}
      {request.duplicate_of ? (
        <Fact label={t("requests.page.duplicateOf")}>
          <a href={pagePath(request.duplicate_of)}>{request.duplicate_of}</a>
        </Fact>
      ) : null}
      {request.rating ? (
        <Fact label={t("requests.page.rating")}>
          {t("requests.rating.value", { rating: request.rating })}
        </Fact>
      ) : null}
    </dl>
  );
}

// The inbox, most urgent first: a table on a PC, one card per request in a column narrower than
// about 600 px (staff.css, a container query), from the same markup; each cell carries its column's
// name for the card. The code links to the work page and a click anywhere on the row opens it too.
import { useLocation } from "preact-iso";
import { type ServiceRequest, localized } from "../../api/requests";
import { StatusBadge } from "../../components/StatusBadge";
import { formatDateTime, t } from "../../i18n";
import { SlaDeadline } from "./SlaBadge";
import { slaOf } from "./sla";

interface Props {
  requests: ServiceRequest[];
  /** Admins see every OPD's requests, so the OPD gets a column. */
  showOpd: boolean;
}

export const workPath = (code: string) =>
  `/staf/laporan/${encodeURIComponent(code)}`;

function area(request: ServiceRequest): string {
  return (
    [request.kelurahan?.name, request.kecamatan?.name]
      .filter(Boolean)
      .join(", ") ||
    request.location.address ||
    "—"
  );
}

export function InboxTable({ requests, showOpd }: Props) {
  const { route } = useLocation();
  const open = (event: MouseEvent, code: string) => {
    // The link in the row handles its own clicks (and ctrl-click for a new tab).
    if ((event.target as HTMLElement).closest("a")) return;
    route(workPath(code));
  };
  return (
    <div class="table-wrap staff-inbox-list">
      <table class="staff-table">
        <caption class="visually-hidden">{t("staff.inbox.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("staff.inbox.code")}</th>
            <th scope="col">{t("staff.inbox.service")}</th>
            <th scope="col">{t("staff.inbox.area")}</th>
            {showOpd ? <th scope="col">{t("staff.inbox.opd")}</th> : null}
            <th scope="col">{t("staff.inbox.status")}</th>
            <th scope="col">{t("staff.inbox.deadline")}</th>
            <th scope="col">{t("staff.inbox.filed")}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => (
            <tr
              key={request.code}
              class={`staff-row staff-row-${slaOf(request) ?? "closed"}`}
              onClick={(event) => open(event, request.code)}
            >
              <th scope="row">
                <a href={workPath(request.code)}>{request.code}</a>
              </th>
              <td data-label={t("staff.inbox.service")}>
                {localized(request.service.name)}
              </td>
              <td data-label={t("staff.inbox.area")}>{area(request)}</td>
              {showOpd ? (
                <td data-label={t("staff.inbox.opd")}>{request.opd.name}</td>
              ) : null}
              <td data-label={t("staff.inbox.status")}>
                <StatusBadge status={request.status} />
              </td>
              <td data-label={t("staff.inbox.deadline")}>
                <SlaDeadline request={request} />
              </td>
              <td data-label={t("staff.inbox.filed")}>
                <time dateTime={request.created_at}>
                  {formatDateTime(request.created_at)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// The linked requests still open, as a table that prints: each by its own code (a link on screen).
import { Empty } from "../../../components/Status";
import { formatDateTime, t } from "../../../i18n";
import { requestHref } from "../api";
import type { LinkedRequest } from "../incidents-api";

const COLUMNS = ["code", "status", "opd", "kelurahan", "created"];

export function OpenRequests({ requests }: { requests: LinkedRequest[] }) {
  if (requests.length === 0)
    return <Empty>{t("command.situation.noOpen")}</Empty>;
  return (
    <table class="cc-report-table">
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column} scope="col">
              {t(`command.situation.requests.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {requests.map((request) => (
          <tr key={request.code} data-request={request.code}>
            <td>
              <a class="more-link" href={requestHref(request.code)}>
                {request.code}
              </a>
            </td>
            <td>{t(`status.${request.status}`)}</td>
            <td>{request.opd}</td>
            <td>{request.kelurahan ?? "—"}</td>
            <td>{formatDateTime(request.created_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

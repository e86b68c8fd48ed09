// A request's status as a coloured badge, with an "overdue" mark when its SLA deadline has passed.
import type { RequestStatus } from "../api/requests";
import { t } from "../i18n";
import "../pages/requests/i18n";

interface Props {
  status: RequestStatus;
  overdue?: boolean;
}

export function StatusBadge({ status, overdue = false }: Props) {
  return (
    <span class="status-badges">
      <span class={`badge badge-${status}`}>{t(`status.${status}`)}</span>
      {overdue ? (
        <>
          {" "}
          <span class="badge badge-overdue">
            <span aria-hidden="true">⚠ </span>
            {t("requests.overdue")}
          </span>
        </>
      ) : null}
    </span>
  );
}

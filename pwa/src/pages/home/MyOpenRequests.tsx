// The logged-in resident's requests still being worked on, a few of them, on the home screen.
import type { Page } from "../../api/client";
import {
  OPEN_STATUSES,
  type ServiceRequest,
  localized,
} from "../../api/requests";
import type { Loaded } from "../../api/use-api";
import { Empty, ErrorNote, Loading } from "../../components/Status";
import { formatDate, t } from "../../i18n";
import "./i18n";

const SHOWN = 3;

/** `mine`: the resident's newest requests (the list has no status filter; the newest 20 hold the
 * open ones in practice), read by the home screen. */
export function MyOpenRequests({
  mine,
}: {
  mine: Loaded<Page<ServiceRequest>>;
}) {
  const { data, error, loading } = mine;
  const open = (data?.items ?? []).filter((item) =>
    OPEN_STATUSES.includes(item.status),
  );
  return (
    <section aria-labelledby="mine-title">
      <h2 id="mine-title">{t("home.mineTitle")}</h2>
      {loading && !data ? <Loading /> : null}
      {error && !data ? <ErrorNote error={error} /> : null}
      {data && open.length === 0 ? <Empty>{t("home.mineEmpty")}</Empty> : null}
      {open.length > 0 ? (
        <ul class="list">
          {open.slice(0, SHOWN).map((item) => (
            <li key={item.code}>
              <a class="card mine-card" href={`/laporan/${item.code}`}>
                <span class="mine-service">{localized(item.service.name)}</span>
                <span class="row">
                  <span class={`badge badge-${item.status}`}>
                    {t(`status.${item.status}`)}
                  </span>
                  <span class="muted">
                    {item.code} · {formatDate(item.created_at)}
                  </span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <a class="more-link" href="/laporan-saya">
          {t("home.mineAll")}
        </a>
      </p>
    </section>
  );
}

// The logged-in resident's requests still being worked on, a few of them, on the home screen.
import type { Page } from "../../api/client";
import { useApi } from "../../api/use-api";
import { Empty, ErrorNote, Loading } from "../../components/Status";
import { formatDate, language, t } from "../../i18n";
import "./i18n";

interface MyRequest {
  code: string;
  service: { code: string; name: Record<string, string> | string };
  status: string;
  created_at: string;
}

const OPEN = ["submitted", "accepted", "in_progress"];
const SHOWN = 3;

function serviceName(name: MyRequest["service"]["name"]): string {
  return typeof name === "string" ? name : (name[language()] ?? name.id ?? "");
}

export function MyOpenRequests() {
  // The list has no status filter; a resident's newest 20 hold their open ones in practice.
  const { data, error, loading } = useApi<Page<MyRequest>>(
    "requests/mine?limit=20",
  );
  const open = (data?.items ?? []).filter((item) => OPEN.includes(item.status));
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
                <span class="mine-service">
                  {serviceName(item.service.name)}
                </span>
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

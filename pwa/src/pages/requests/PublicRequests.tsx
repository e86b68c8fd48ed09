// "Laporan warga": the public requests as a filtered list, or as points on a map.
// Filters and the view live in the address (/laporan?status=...&tampilan=peta), so Back keeps them.
import "./i18n";
import "./requests.css";
import { useEffect, useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { query } from "../../api/client";
import { type ServiceRequest, publicRequestsPath } from "../../api/requests";
import { usePaged } from "../../api/use-paged";
import { SearchForm } from "../../components/SearchForm";
import { Loading } from "../../components/Status";
import { t } from "../../i18n";
import { type Filters, RequestFilters } from "./RequestFilters";
import { RequestList } from "./RequestList";

type MapView = typeof import("./RequestMap").RequestMap;

/** The map view, and Leaflet behind it, fetched only when someone picks it. */
function LazyMap({ filters }: { filters: Filters }) {
  const [RequestMap, setRequestMap] = useState<MapView | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import("./RequestMap")
      .then((module) => setRequestMap(() => module.RequestMap))
      .catch(() => setFailed(true));
  }, []);
  if (failed)
    return (
      <p class="error-note" role="alert">
        {t("requests.map.failed")}
      </p>
    );
  return RequestMap ? <RequestMap filters={filters} /> : <Loading />;
}

type View = "daftar" | "peta";

function List({ filters }: { filters: Filters }) {
  const paged = usePaged<ServiceRequest>(
    publicRequestsPath({
      service: filters.service || undefined,
      status: filters.status || undefined,
      kecamatan: filters.kecamatan || undefined,
      q: filters.q || undefined,
    }),
  );
  return (
    <section aria-labelledby="hasil">
      <h2 id="hasil" class="visually-hidden">
        {t("requests.public.results")}
      </h2>
      <RequestList paged={paged} empty={t("requests.public.empty")} />
    </section>
  );
}

export function PublicRequests() {
  const { query: current } = useRoute();
  const { route } = useLocation();
  const filters: Filters = {
    service: current.service ?? "",
    status: current.status ?? "",
    kecamatan: current.kecamatan ?? "",
    q: current.q ?? "",
  };
  const view: View = current.tampilan === "peta" ? "peta" : "daftar";
  const go = (next: Filters, nextView: View) =>
    route(
      `/laporan${query({ ...next, tampilan: nextView === "peta" ? "peta" : undefined })}`,
      true,
    );

  return (
    <div class="stack">
      <h1>{t("requests.public.title")}</h1>
      <p class="muted">{t("requests.public.intro")}</p>
      <SearchForm
        id="cari-laporan"
        label={t("requests.public.search")}
        value={filters.q}
        onSearch={(words) => go({ ...filters, q: words }, view)}
      />
      <RequestFilters filters={filters} onChange={(next) => go(next, view)} />
      <div
        class="view-switch"
        role="group"
        aria-label={t("requests.view.label")}
      >
        {(["daftar", "peta"] as const).map((option) => (
          <button
            key={option}
            type="button"
            class={option === view ? "btn btn-primary" : "btn"}
            aria-pressed={option === view}
            onClick={() => go(filters, option)}
          >
            {t(option === "peta" ? "requests.view.map" : "requests.view.list")}
          </button>
        ))}
      </div>
      {view === "peta" ? (
        <LazyMap filters={filters} />
      ) : (
        <List filters={filters} />
      )}
    </div>
  );
}

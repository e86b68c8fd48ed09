// The OPD's inbox: its requests by SLA deadline (overdue first), searched and filtered (all kept in
// the address), paged with a cursor. A tracking code typed exactly opens that request.
import { useServices } from "../../api/catalog";
import { useKecamatan, useOpds } from "../../api/places";
import { useEffect } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { query, userStore } from "../../api/client";
import type { ServiceRequest } from "../../api/requests";
import { usePaged } from "../../api/use-paged";
import { PagedStates } from "../../components/PagedStates";
import { SearchForm } from "../../components/SearchForm";
import { t } from "../../i18n";
import { useStore } from "../../store";
import "./i18n";
import { type InboxFilters as Filters, exactCode, inboxPath } from "./api";
import { InboxFilters } from "./InboxFilters";
import { InboxTable, workPath } from "./InboxTable";

function filtersFrom(values: Record<string, string>): Filters {
  return {
    status: values.status || undefined,
    overdue: values.overdue === "1" || undefined,
    service: values.service || undefined,
    kecamatan: values.kecamatan || undefined,
    opd: values.opd || undefined,
    q: values.q || undefined,
  };
}

const addressOf = (filters: Filters) => ({
  ...filters,
  overdue: filters.overdue ? "1" : undefined,
});

export function Inbox() {
  const user = useStore(userStore);
  const { route } = useLocation();
  const filters = filtersFrom(useRoute().query);
  const isAdmin = user?.role === "admin";
  const page = usePaged<ServiceRequest>(inboxPath(filters));
  const services = useServices();
  const kecamatan = useKecamatan();
  const opds = useOpds(isAdmin);
  const opdCode = isAdmin ? filters.opd : user?.opd?.code;
  const choose = (next: Filters) =>
    route(`/staf${query(addressOf(next))}`, true);
  const filtered = Object.values(filters).some(Boolean);
  const code = exactCode(filters.q);
  const found = page.items.length === 1 ? page.items[0]?.code : undefined;
  useEffect(() => {
    // Replacing the search in history: Back from the request returns to the inbox, not here.
    if (code && found === code) route(workPath(code), true);
  }, [code, found]);

  return (
    <section class="staff-inbox">
      <h1>{t("staff.inbox.title")}</h1>
      <p class="muted">
        {isAdmin && !user?.opd
          ? t("staff.inbox.adminHint")
          : t("staff.inbox.opdHint", { opd: user?.opd?.name ?? "" })}
      </p>
      <SearchForm
        id="inbox-search"
        label={t("staff.inbox.search")}
        value={filters.q ?? ""}
        onSearch={(q) => route(`/staf${query(addressOf({ ...filters, q }))}`)}
      />
      <InboxFilters
        filters={filters}
        onChange={choose}
        services={(services.data ?? []).filter(
          (service) => !opdCode || service.opd.code === opdCode,
        )}
        kecamatan={kecamatan.data ?? []}
        opds={isAdmin ? (opds.data ?? []).filter((opd) => opd.is_active) : null}
      />
      {filtered ? (
        <p>
          <button
            type="button"
            class="btn btn-small"
            onClick={() => route("/staf", true)}
          >
            {t("staff.inbox.clearFilters")}
          </button>
        </p>
      ) : null}
      <p class="visually-hidden" role="status" aria-live="polite">
        {page.loaded && !page.loading
          ? t("staff.inbox.count", { count: page.items.length })
          : ""}
      </p>
      <PagedStates
        paged={page}
        empty={filtered ? t("staff.inbox.noMatch") : t("staff.inbox.empty")}
      >
        <InboxTable requests={page.items} showOpd={isAdmin && !filters.opd} />
      </PagedStates>
    </section>
  );
}

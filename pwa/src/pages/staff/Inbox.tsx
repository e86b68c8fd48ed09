// The OPD's inbox: its requests by SLA deadline (overdue first), filtered, paged with a cursor.
import { useLocation, useRoute } from "preact-iso";
import { query, userStore } from "../../api/client";
import type { Kecamatan, Opd } from "../../api/places";
import type { ServiceRequest } from "../../api/requests";
import { useApi } from "../../api/use-api";
import { usePaged } from "../../api/use-paged";
import { PagedStates } from "../../components/PagedStates";
import { t } from "../../i18n";
import { useStore } from "../../store";
import "./i18n";
import {
  type CatalogService,
  type InboxFilters as Filters,
  inboxPath,
} from "./api";
import { InboxFilters } from "./InboxFilters";
import { InboxTable } from "./InboxTable";

function filtersFrom(values: Record<string, string>): Filters {
  return {
    status: values.status || undefined,
    overdue: values.overdue === "1" || undefined,
    service: values.service || undefined,
    kecamatan: values.kecamatan || undefined,
    opd: values.opd || undefined,
  };
}

export function Inbox() {
  const user = useStore(userStore);
  const { route } = useLocation();
  const filters = filtersFrom(useRoute().query);
  const isAdmin = user?.role === "admin";
  const page = usePaged<ServiceRequest>(inboxPath(filters));
  const services = useApi<CatalogService[]>("services");
  const kecamatan = useApi<Kecamatan[]>("kecamatan");
  const opds = useApi<Opd[]>(isAdmin ? "opds" : null);
  const opdCode = isAdmin ? filters.opd : user?.opd?.code;
  const choose = (next: Filters) =>
    route(
      `/staf${query({ ...next, overdue: next.overdue ? "1" : undefined })}`,
      true,
    );
  const filtered = Object.values(filters).some(Boolean);

  return (
    <section class="staff-inbox">
      <h1>{t("staff.inbox.title")}</h1>
      <p class="muted">
        {isAdmin && !user?.opd
          ? t("staff.inbox.adminHint")
          : t("staff.inbox.opdHint", { opd: user?.opd?.name ?? "" })}
      </p>
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

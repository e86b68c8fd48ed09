// The inbox filters; each change applies at once and is kept in the address, so Back restores it.
import type { Kecamatan, Opd } from "../../api/places";
import { STATUSES, localized } from "../../api/requests";
import { t } from "../../i18n";
import type { CatalogService, InboxFilters as Filters } from "./api";

interface Props {
  filters: Filters;
  onChange: (next: Filters) => void;
  services: CatalogService[];
  kecamatan: Kecamatan[];
  /** Admins only: the agencies to choose from (null hides the filter). */
  opds: Opd[] | null;
}

const value = (event: Event) =>
  (event.currentTarget as HTMLSelectElement).value;

export function InboxFilters({
  filters,
  onChange,
  services,
  kecamatan,
  opds,
}: Props) {
  const set = (name: keyof Filters, next: string | boolean) =>
    onChange({ ...filters, [name]: next || undefined });
  return (
    <form
      class="staff-filters"
      aria-label={t("staff.inbox.filters")}
      onSubmit={(event) => event.preventDefault()}
    >
      {opds ? (
        <div class="field">
          <label for="filter-opd">{t("staff.inbox.opd")}</label>
          <select
            id="filter-opd"
            value={filters.opd ?? ""}
            onChange={(event) =>
              onChange({
                ...filters,
                opd: value(event) || undefined,
                service: undefined,
              })
            }
          >
            <option value="">{t("staff.inbox.allOpds")}</option>
            {opds.map((opd) => (
              <option key={opd.code} value={opd.code}>
                {opd.short_name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div class="field">
        <label for="filter-status">{t("staff.inbox.status")}</label>
        <select
          id="filter-status"
          value={filters.status ?? ""}
          onChange={(event) => set("status", value(event))}
        >
          <option value="">{t("staff.inbox.openStatuses")}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
          <option value={STATUSES.join(",")}>
            {t("staff.inbox.allStatuses")}
          </option>
        </select>
      </div>
      <div class="field">
        <label for="filter-service">{t("staff.inbox.service")}</label>
        <select
          id="filter-service"
          value={filters.service ?? ""}
          onChange={(event) => set("service", value(event))}
        >
          <option value="">{t("staff.inbox.allServices")}</option>
          {services.map((service) => (
            <option key={service.code} value={service.code}>
              {localized(service.name)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-kecamatan">{t("staff.inbox.kecamatan")}</label>
        <select
          id="filter-kecamatan"
          value={filters.kecamatan ?? ""}
          onChange={(event) => set("kecamatan", value(event))}
        >
          <option value="">{t("staff.inbox.allKecamatan")}</option>
          {kecamatan.map((item) => (
            <option key={item.code} value={item.code}>
              {item.name}
            </option>
          ))}
        </select>
      </div>
      <div class="staff-filter-check">
        <label class="choice">
          <input
            type="checkbox"
            checked={Boolean(filters.overdue)}
            onChange={(event) => set("overdue", event.currentTarget.checked)}
          />
          {t("staff.inbox.overdueOnly")}
        </label>
      </div>
    </form>
  );
}

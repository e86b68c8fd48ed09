// The public list's filters: service, status and kecamatan, applied as soon as one changes.
import type { Kecamatan } from "../../api/places";
import { type Localized, STATUSES, localized } from "../../api/requests";
import { useApi } from "../../api/use-api";
import { t } from "../../i18n";

export interface Filters {
  service: string;
  status: string;
  kecamatan: string;
}

interface ServiceOption {
  code: string;
  name: Localized;
}

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

export function RequestFilters({ filters, onChange }: Props) {
  const services = useApi<ServiceOption[]>("services");
  const kecamatan = useApi<Kecamatan[]>("kecamatan");
  const set = (name: keyof Filters) => (event: Event) =>
    onChange({
      ...filters,
      [name]: (event.currentTarget as HTMLSelectElement).value,
    });

  return (
    <form
      class="request-filters"
      aria-label={t("requests.filters.label")}
      onSubmit={(event) => event.preventDefault()}
    >
      <div class="field">
        <label for="filter-service">{t("requests.filters.service")}</label>
        <select
          id="filter-service"
          value={filters.service}
          onChange={set("service")}
        >
          <option value="">{t("requests.filters.allServices")}</option>
          {(services.data ?? []).map((service) => (
            <option key={service.code} value={service.code}>
              {localized(service.name)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-status">{t("requests.filters.status")}</label>
        <select
          id="filter-status"
          value={filters.status}
          onChange={set("status")}
        >
          <option value="">{t("requests.filters.allStatuses")}</option>
          <option value="submitted,accepted,in_progress">
            {t("requests.filters.open")}
          </option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-kecamatan">{t("requests.filters.kecamatan")}</label>
        <select
          id="filter-kecamatan"
          value={filters.kecamatan}
          onChange={set("kecamatan")}
        >
          <option value="">{t("requests.filters.allKecamatan")}</option>
          {(kecamatan.data ?? []).map((item) => (
            <option key={item.code} value={item.code}>
              {item.name}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

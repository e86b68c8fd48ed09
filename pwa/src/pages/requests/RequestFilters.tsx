// The public list's filters: service, status and kecamatan, applied as soon as one changes.
import { useServices } from "../../api/catalog";
import { useKecamatan } from "../../api/places";
import { OPEN_STATUSES } from "../../api/requests";
import { SelectField } from "../../components/Field";
import {
  KecamatanOptions,
  ServiceOptions,
  StatusOptions,
} from "../../components/Options";
import { t } from "../../i18n";

export interface Filters {
  service: string;
  status: string;
  kecamatan: string;
  /** The search box's words (a tracking code or a street), kept beside the filters. */
  q: string;
}

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

export function RequestFilters({ filters, onChange }: Props) {
  const services = useServices();
  const kecamatan = useKecamatan();
  const set = (name: keyof Filters) => (value: string) =>
    onChange({ ...filters, [name]: value });

  return (
    <form
      class="request-filters"
      aria-label={t("requests.filters.label")}
      onSubmit={(event) => event.preventDefault()}
    >
      <SelectField
        id="filter-service"
        label={t("requests.filters.service")}
        value={filters.service}
        onChange={set("service")}
        blank={t("requests.filters.allServices")}
      >
        <ServiceOptions services={services.data ?? []} />
      </SelectField>
      <SelectField
        id="filter-status"
        label={t("requests.filters.status")}
        value={filters.status}
        onChange={set("status")}
        blank={t("requests.filters.allStatuses")}
      >
        <option value={OPEN_STATUSES.join(",")}>
          {t("requests.filters.open")}
        </option>
        <StatusOptions />
      </SelectField>
      <SelectField
        id="filter-kecamatan"
        label={t("requests.filters.kecamatan")}
        value={filters.kecamatan}
        onChange={set("kecamatan")}
        blank={t("requests.filters.allKecamatan")}
      >
        <KecamatanOptions kecamatan={kecamatan.data ?? []} />
      </SelectField>
    </form>
  );
}

// The inbox filters; each change applies at once and is kept in the address, so Back restores it.
import type { Kecamatan, Opd } from "../../api/places";
import { STATUSES } from "../../api/requests";
import { SelectField } from "../../components/Field";
import {
  KecamatanOptions,
  OpdOptions,
  ServiceOptions,
  StatusOptions,
} from "../../components/Options";
import { t } from "../../i18n";
import type { Service } from "../../api/catalog";
import type { InboxFilters as Filters } from "./api";

interface Props {
  filters: Filters;
  onChange: (next: Filters) => void;
  services: Service[];
  kecamatan: Kecamatan[];
  /** Admins only: the agencies to choose from (null hides the filter). */
  opds: Opd[] | null;
}

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
        <SelectField
          id="filter-opd"
          label={t("staff.inbox.opd")}
          value={filters.opd ?? ""}
          onChange={(opd) =>
            onChange({ ...filters, opd: opd || undefined, service: undefined })
          }
          blank={t("staff.inbox.allOpds")}
        >
          <OpdOptions opds={opds} />
        </SelectField>
      ) : null}
      <SelectField
        id="filter-status"
        label={t("staff.inbox.status")}
        value={filters.status ?? ""}
        onChange={(value) => set("status", value)}
        blank={t("staff.inbox.openStatuses")}
      >
        <StatusOptions />
        <option value={STATUSES.join(",")}>
          {t("staff.inbox.allStatuses")}
        </option>
      </SelectField>
      <SelectField
        id="filter-service"
        label={t("staff.inbox.service")}
        value={filters.service ?? ""}
        onChange={(value) => set("service", value)}
        blank={t("staff.inbox.allServices")}
      >
        <ServiceOptions services={services} />
      </SelectField>
      <SelectField
        id="filter-kecamatan"
        label={t("staff.inbox.kecamatan")}
        value={filters.kecamatan ?? ""}
        onChange={(value) => set("kecamatan", value)}
        blank={t("staff.inbox.allKecamatan")}
      >
        <KecamatanOptions kecamatan={kecamatan} />
      </SelectField>
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

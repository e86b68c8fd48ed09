// The filters (period, kecamatan, OPD) that narrow every panel, and the CSV export of the same.
import type { Kecamatan, Opd } from "../../api/places";
import { useSubmit } from "../../api/use-submit";
import { SelectField } from "../../components/Field";
import { KecamatanOptions, OpdOptions } from "../../components/Options";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { downloadCsv } from "./csv-export";
import { PERIODS, type View } from "./view";

interface Props {
  view: View;
  kecamatan: Kecamatan[];
  opds: Opd[];
  onChange: (next: Partial<View>) => void;
}

/** The chosen code stays selectable even when the list could not load (offline). */
function withCurrent<T extends { code: string }>(
  items: T[],
  code: string | undefined,
  make: (code: string) => T,
) {
  return code && !items.some((item) => item.code === code)
    ? [...items, make(code)]
    : items;
}

export function FilterBar({ view, kecamatan, opds, onChange }: Props) {
  const exporting = useSubmit();
  const exportCsv = () => void exporting.submit(() => downloadCsv(view));

  const places = withCurrent(kecamatan, view.kecamatan, (code) => ({
    code,
    name: code,
    kelurahan_count: 0,
  }));
  const agencies = withCurrent(opds, view.opd, (code) => ({
    code,
    name: code,
    short_name: code,
    email: null,
    phone: null,
    address: null,
    is_active: true,
  }));

  return (
    <form
      class="cc-filters"
      onSubmit={(event) => event.preventDefault()}
      aria-label={t("command.filters.title")}
    >
      <SelectField
        id="cc-days"
        label={t("command.filters.period")}
        value={String(view.days)}
        onChange={(days) => onChange({ days: Number(days) })}
      >
        {PERIODS.map((days) => (
          <option key={days} value={String(days)}>
            {t("command.filters.days", { days })}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="cc-kecamatan"
        label={t("command.filters.kecamatan")}
        value={view.kecamatan ?? ""}
        onChange={(code) => onChange({ kecamatan: code || undefined })}
        blank={t("command.filters.allKecamatan")}
      >
        <KecamatanOptions kecamatan={places} />
      </SelectField>
      <SelectField
        id="cc-opd"
        label={t("command.filters.opd")}
        value={view.opd ?? ""}
        onChange={(code) => onChange({ opd: code || undefined })}
        blank={t("command.filters.allOpds")}
      >
        <OpdOptions opds={agencies} />
      </SelectField>
      <div class="cc-filter-actions">
        <button
          type="button"
          class="btn"
          onClick={exportCsv}
          disabled={exporting.busy}
          aria-describedby="cc-export-hint"
        >
          {exporting.busy
            ? t("command.export.busy")
            : t("command.export.button")}
        </button>
        <p id="cc-export-hint" class="hint">
          {t("command.export.hint")}
        </p>
      </div>
      <ErrorNote error={exporting.error} />
    </form>
  );
}

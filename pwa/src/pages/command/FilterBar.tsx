// The filters (period, kecamatan, OPD) that narrow every panel, and the CSV export of the same.
import { useState } from "preact/hooks";
import type { ApiError } from "../../api/client";
import type { Kecamatan, Opd } from "../../api/places";
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
  const [exporting, setExporting] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const exportCsv = () => {
    setExporting(true);
    setFailure(null);
    downloadCsv(view)
      .catch((error: ApiError) => setFailure(error))
      .finally(() => setExporting(false));
  };

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
      <div class="field">
        <label for="cc-days">{t("command.filters.period")}</label>
        <select
          id="cc-days"
          value={String(view.days)}
          onChange={(e) => onChange({ days: Number(e.currentTarget.value) })}
        >
          {PERIODS.map((days) => (
            <option key={days} value={String(days)}>
              {t("command.filters.days", { days })}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="cc-kecamatan">{t("command.filters.kecamatan")}</label>
        <select
          id="cc-kecamatan"
          value={view.kecamatan ?? ""}
          onChange={(e) =>
            onChange({ kecamatan: e.currentTarget.value || undefined })
          }
        >
          <option value="">{t("command.filters.allKecamatan")}</option>
          {places.map((item) => (
            <option key={item.code} value={item.code}>
              {item.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="cc-opd">{t("command.filters.opd")}</label>
        <select
          id="cc-opd"
          value={view.opd ?? ""}
          onChange={(e) =>
            onChange({ opd: e.currentTarget.value || undefined })
          }
        >
          <option value="">{t("command.filters.allOpds")}</option>
          {agencies.map((item) => (
            <option key={item.code} value={item.code}>
              {item.short_name}
            </option>
          ))}
        </select>
      </div>
      <div class="cc-filter-actions">
        <button
          type="button"
          class="btn"
          onClick={exportCsv}
          disabled={exporting}
          aria-describedby="cc-export-hint"
        >
          {exporting ? t("command.export.busy") : t("command.export.button")}
        </button>
        <p id="cc-export-hint" class="hint">
          {t("command.export.hint")}
        </p>
      </div>
      <ErrorNote error={failure} />
    </form>
  );
}

// Kecamatan, then kelurahan: the way to say where without a map, a signal or GPS.
// The whole kelurahan list is one cached request, so it still works offline after a first visit.
import { useKecamatan, useKelurahan } from "../../api/places";
import { Field } from "../../components/Field";
import { ErrorNote, Loading } from "../../components/Status";
import { t } from "../../i18n";
import type { ReportDraft } from "../../offline/drafts";

interface Props {
  kecamatan: string;
  kelurahan: string;
  error: string | undefined;
  onChange: (patch: Partial<ReportDraft>) => void;
}

export function PlacePicker({ kecamatan, kelurahan, error, onChange }: Props) {
  const districts = useKecamatan();
  const villages = useKelurahan();
  if (!districts.data || !villages.data) {
    if (districts.loading || villages.loading) return <Loading />;
    return <ErrorNote error={districts.error ?? villages.error} />;
  }
  const inDistrict = villages.data.filter(
    (village) => village.kecamatan === kecamatan,
  );
  return (
    <div class="place-picker">
      <Field id="kecamatan" label={t("report.place.kecamatan")}>
        <select
          id="kecamatan"
          value={kecamatan}
          onChange={(event) => {
            const code = event.currentTarget.value;
            const district = districts.data!.find((item) => item.code === code);
            onChange({
              kecamatan: code,
              kecamatanName: district?.name ?? "",
              kelurahan: "",
              kelurahanName: "",
            });
          }}
        >
          <option value="">{t("report.place.chooseKecamatan")}</option>
          {districts.data.map((district) => (
            <option key={district.code} value={district.code}>
              {district.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="kelurahan" label={t("report.place.kelurahan")} error={error}>
        <select
          id="kelurahan"
          value={kelurahan}
          disabled={!kecamatan}
          aria-describedby={error ? "kelurahan-error" : undefined}
          onChange={(event) => {
            const code = event.currentTarget.value;
            const village = inDistrict.find((item) => item.code === code);
            onChange({ kelurahan: code, kelurahanName: village?.name ?? "" });
          }}
        >
          <option value="">{t("report.place.chooseKelurahan")}</option>
          {inDistrict.map((village) => (
            <option key={village.code} value={village.code}>
              {village.name}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}

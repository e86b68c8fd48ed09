// Kecamatan and kelurahan to follow for area alerts; the kelurahan list follows the kecamatan.
import { useEffect, useState } from "preact/hooks";
import type { ApiError } from "../../api/client";
import {
  type Kecamatan,
  type Kelurahan,
  listKecamatan,
  listKelurahan,
} from "../../api/places";
import { Field } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import "./i18n";

interface Props {
  kecamatan: string | null;
  kelurahan: string | null;
  onChange: (kecamatan: string | null, kelurahan: string | null) => void;
}

export function AreaPicker({ kecamatan, kelurahan, onChange }: Props) {
  const [districts, setDistricts] = useState<Kecamatan[]>([]);
  const [villages, setVillages] = useState<Kelurahan[]>([]);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  useEffect(() => {
    listKecamatan()
      .then(setDistricts)
      .catch((failure: ApiError) => setError(failure));
  }, []);

  useEffect(() => {
    setVillages([]);
    if (!kecamatan) return;
    listKelurahan(kecamatan)
      .then(setVillages)
      .catch((failure: ApiError) => setError(failure));
  }, [kecamatan]);

  return (
    <>
      <Field id="push-kecamatan" label={t("notify.kecamatan")}>
        <select
          id="push-kecamatan"
          value={kecamatan ?? ""}
          onChange={(e) => onChange(e.currentTarget.value || null, null)}
        >
          <option value="">{t("notify.noArea")}</option>
          {districts.map((item) => (
            <option key={item.code} value={item.code}>
              {item.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="push-kelurahan" label={t("notify.kelurahan")}>
        <select
          id="push-kelurahan"
          value={kelurahan ?? ""}
          disabled={!kecamatan}
          onChange={(e) => onChange(kecamatan, e.currentTarget.value || null)}
        >
          <option value="">{t("notify.noArea")}</option>
          {villages.map((item) => (
            <option key={item.code} value={item.code}>
              {item.name}
            </option>
          ))}
        </select>
      </Field>
      <ErrorNote error={error} />
    </>
  );
}

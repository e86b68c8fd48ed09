// Kecamatan and kelurahan to follow for area alerts; the kelurahan list follows the kecamatan.
// "Gunakan lokasi saya" asks the server which kelurahan holds the device and chooses it.
import { useEffect, useState } from "preact/hooks";
import type { ApiError } from "../../api/client";
import {
  type Kecamatan,
  type Kelurahan,
  listKecamatan,
  listKelurahan,
  placeOfPoint,
} from "../../api/places";
import { Field } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { type LocateFailure, locateDevice } from "../../map/locate";
import "./i18n";

async function areaOfDevice(): Promise<{
  note: string;
  area?: { kecamatan: string; kelurahan: string };
}> {
  let point;
  try {
    point = await locateDevice();
  } catch (failure) {
    return { note: t(`notify.locate.${failure as LocateFailure}`) };
  }
  const found = await placeOfPoint(point.lat, point.long);
  if (found.kind === "outside") return { note: t("notify.locate.outside") };
  if (found.kind === "unknown") return { note: t("notify.locate.unknown") };
  return {
    note: t("notify.locate.found", {
      kelurahan: found.place.name,
      kecamatan: found.place.kecamatan.name,
    }),
    area: {
      kecamatan: found.place.kecamatan.code,
      kelurahan: found.place.code,
    },
  };
}

interface Props {
  kecamatan: string | null;
  kelurahan: string | null;
  onChange: (kecamatan: string | null, kelurahan: string | null) => void;
}

export function AreaPicker({ kecamatan, kelurahan, onChange }: Props) {
  const [districts, setDistricts] = useState<Kecamatan[]>([]);
  const [villages, setVillages] = useState<Kelurahan[]>([]);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [locating, setLocating] = useState(false);
  const [note, setNote] = useState("");

  async function locate() {
    setLocating(true);
    setNote(t("notify.locate.locating"));
    const { note: said, area } = await areaOfDevice();
    setLocating(false);
    setNote(said);
    if (area) onChange(area.kecamatan, area.kelurahan);
  }

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
      <button
        type="button"
        class="btn"
        disabled={locating}
        onClick={() => void locate()}
      >
        {t("notify.locate.useMine")}
      </button>
      <p role="status" class="muted">
        {note}
      </p>
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

// Step 4: where. "Use my location", the photo's own position (when a photo carries one, used only on
// that tap) or a pin on the map where the service needs a point; the kecamatan/kelurahan picker and
// an address always work, even offline and without map tiles.
import { useState } from "preact/hooks";
import { cityStore } from "../../api/places";
import { Field, describedBy } from "../../components/Field";
import { t } from "../../i18n";
import type { ReportDraft } from "../../offline/drafts";
import { useStore } from "../../store";
import { type Problems, inCity, serverError, withoutError } from "./fields";
import { firstPhotoPoint } from "./photo-point";
import { PinMap } from "./PinMap";
import { PlacePicker } from "./PlacePicker";

interface Props {
  draft: ReportDraft;
  problems: Problems;
  onChange: (patch: Partial<ReportDraft>) => void;
}

const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

export function LocationStep({ draft, problems, onChange }: Props) {
  const city = useStore(cityStore);
  const [locating, setLocating] = useState(false);
  const [note, setNote] = useState("");
  const needsPoint = draft.service!.needs_location;
  const pointError =
    problems.location ??
    serverError(draft.errors, "lat") ??
    serverError(draft.errors, "long");
  const addressError = serverError(draft.errors, "address");
  const photoPoint = firstPhotoPoint(draft);

  function pick(lat: number, long: number) {
    if (!inCity(city, lat, long)) {
      setNote(t("report.location.outside"));
      return;
    }
    onChange({
      lat: round(lat),
      long: round(long),
      errors: withoutError(withoutError(draft.errors, "lat"), "long"),
    });
    setNote("");
  }

  function locate() {
    if (!("geolocation" in navigator)) {
      setNote(t("report.location.noGps"));
      return;
    }
    setLocating(true);
    setNote(t("report.location.locating"));
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        pick(position.coords.latitude, position.coords.longitude);
      },
      (failure) => {
        setLocating(false);
        setNote(
          failure.code === failure.PERMISSION_DENIED
            ? t("report.location.denied")
            : t("report.location.gpsFailed"),
        );
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  return (
    <div class="stack">
      <p class="hint">
        {needsPoint
          ? t("report.location.needed")
          : t("report.location.optional")}
      </p>
      {needsPoint ? (
        <section class="stack" aria-labelledby="pin-title">
          <h3 id="pin-title">{t("report.location.pinHeading")}</h3>
          <button
            type="button"
            class="btn btn-primary"
            disabled={locating}
            onClick={locate}
          >
            {t("report.location.useMine")}
          </button>
          {photoPoint ? (
            <button
              type="button"
              class="btn"
              onClick={() => {
                setNote("");
                pick(photoPoint.lat, photoPoint.long);
              }}
            >
              {t("report.location.usePhoto")}
            </button>
          ) : null}
          {city ? (
            <PinMap
              city={city}
              lat={draft.lat}
              long={draft.long}
              onPick={pick}
            />
          ) : (
            <p class="notice">{t("report.location.noMap")}</p>
          )}
          <p id="location" tabIndex={-1} class="pin-state" aria-live="polite">
            {draft.lat !== null
              ? t("report.location.pinned")
              : t("report.location.noPin")}
          </p>
          {draft.lat !== null ? (
            <button
              type="button"
              class="btn btn-small"
              onClick={() => onChange({ lat: null, long: null })}
            >
              {t("report.location.clearPin")}
            </button>
          ) : null}
        </section>
      ) : null}
      <p role="status" class="muted">
        {note}
      </p>
      {pointError ? (
        <p class="field-error" role="alert">
          {pointError}
        </p>
      ) : null}
      <section aria-labelledby="place-title">
        <h3 id="place-title">{t("report.location.placeHeading")}</h3>
        <PlacePicker
          kecamatan={draft.kecamatan}
          kelurahan={draft.kelurahan}
          error={serverError(draft.errors, "kelurahan")}
          onChange={(patch) =>
            onChange({
              ...patch,
              errors: withoutError(draft.errors, "kelurahan"),
            })
          }
        />
        <Field
          id="address"
          label={t("report.location.address")}
          hint={t("report.location.addressHint")}
          error={addressError}
        >
          <textarea
            id="address"
            rows={2}
            maxLength={300}
            value={draft.address}
            aria-describedby={describedBy(
              "address",
              addressError,
              t("report.location.addressHint"),
            )}
            onInput={(event) =>
              onChange({
                address: event.currentTarget.value,
                errors: withoutError(draft.errors, "address"),
              })
            }
          />
        </Field>
      </section>
    </div>
  );
}

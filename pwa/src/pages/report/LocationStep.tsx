// Step 4: where. "Use my location", the photo's own position (when a photo carries one, used only on
// that tap) or a pin on the map where the service needs a point; the kecamatan/kelurahan picker and
// an address always work, even offline and without map tiles. A pin decides its kelurahan (the
// server refuses a pick that disagrees), so each new pin asks which kelurahan holds it and sets the
// picker; a pin at sea is taken away. Offline the picker stays the person's choice.
import { useEffect, useRef, useState } from "preact/hooks";
import { type PinPlace, cityStore, placeOfPoint } from "../../api/places";
import { Field, describedBy } from "../../components/Field";
import { t } from "../../i18n";
import { type LocateFailure, locateDevice } from "../../map/locate";
import type { ReportDraft } from "../../offline/drafts";
import { useStore } from "../../store";
import { type Problems, inCity, serverError, withoutError } from "./fields";
import { LocationConsent, useLocationConsent } from "./LocationConsent";
import { firstPhotoPoint } from "./photo-point";
import { PinMap } from "./PinMap";
import { PlacePicker } from "./PlacePicker";

interface Props {
  draft: ReportDraft;
  problems: Problems;
  onChange: (patch: Partial<ReportDraft>) => void;
}

const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

const LOCATE_FAILURES: Record<LocateFailure, string> = {
  unsupported: "report.location.noGps",
  denied: "report.location.denied",
  failed: "report.location.gpsFailed",
};

export function LocationStep({ draft, problems, onChange }: Props) {
  const city = useStore(cityStore);
  const [locating, setLocating] = useState(false);
  const [note, setNote] = useState("");
  const [pinPlace, setPinPlace] = useState<PinPlace | null>(null);
  const consentedBefore = useLocationConsent();
  const [allowedHere, setAllowedHere] = useState(false);
  // A GPS position waiting for the person's consent to send it.
  const [waiting, setWaiting] = useState<(() => void) | null>(null);
  // Only the answer for the latest pin counts: a dragged pin asks again before the first answer.
  const asked = useRef(0);
  const needsPoint = draft.service!.needs_location;
  const pointError =
    (pinPlace?.kind === "outside" ? t("report.location.atSea") : undefined) ??
    problems.location ??
    serverError(draft.errors, "lat") ??
    serverError(draft.errors, "long");
  const addressError = serverError(draft.errors, "address");
  const photoPoint = firstPhotoPoint(draft);

  /** Asks where the pin is; a new pin also sets the picker (a kept one leaves it, and any
   * complaint of the server about it, for the person to settle); a pin at sea is taken away. */
  function placePin(
    lat: number,
    long: number,
    errors: ReportDraft["errors"],
    isNew = true,
  ) {
    const ask = ++asked.current;
    setPinPlace(null);
    void placeOfPoint(lat, long).then((found) => {
      if (ask !== asked.current) return;
      setPinPlace(found);
      if (found.kind === "outside") onChange({ lat: null, long: null });
      else if (found.kind === "in" && isNew)
        onChange({
          kecamatan: found.place.kecamatan.code,
          kecamatanName: found.place.kecamatan.name,
          kelurahan: found.place.code,
          kelurahanName: found.place.name,
          errors: withoutError(errors, "kelurahan"),
        });
    });
  }

  // A pin kept in the draft (a reload, a report sent back to be fixed) is placed again.
  useEffect(() => {
    if (draft.lat !== null && draft.long !== null)
      placePin(draft.lat, draft.long, draft.errors, false);
  }, []);

  /** A pin from the map, or (precise) from the device's or a photo's GPS. */
  function pick(lat: number, long: number, precise = false) {
    if (!inCity(city, lat, long)) {
      setNote(t("report.location.outside"));
      return;
    }
    const errors = withoutError(withoutError(draft.errors, "lat"), "long");
    onChange({
      lat: round(lat),
      long: round(long),
      errors,
      preciseLocation: precise,
    });
    setNote("");
    placePin(round(lat), round(long), errors);
  }

  function clearPin() {
    asked.current += 1;
    setPinPlace(null);
    onChange({ lat: null, long: null, preciseLocation: false });
  }

  /** A GPS position is used once the person has consented (now, before, or earlier in this form). */
  function withConsent(use: () => void) {
    if (consentedBefore || allowedHere || draft.preciseLocation) use();
    else setWaiting(() => use);
  }

  function locate() {
    setLocating(true);
    setNote(t("report.location.locating"));
    locateDevice().then(
      (point) => {
        setLocating(false);
        pick(point.lat, point.long, true);
      },
      (failure: LocateFailure) => {
        setLocating(false);
        setNote(t(LOCATE_FAILURES[failure]));
      },
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
            disabled={locating || waiting !== null}
            onClick={() => withConsent(locate)}
          >
            {t("report.location.useMine")}
          </button>
          {photoPoint ? (
            <button
              type="button"
              class="btn"
              disabled={waiting !== null}
              onClick={() =>
                withConsent(() => {
                  setNote("");
                  pick(photoPoint.lat, photoPoint.long, true);
                })
              }
            >
              {t("report.location.usePhoto")}
            </button>
          ) : null}
          {waiting ? (
            <LocationConsent
              onAllow={() => {
                const use = waiting;
                setWaiting(null);
                setAllowedHere(true);
                use();
              }}
              onCancel={() => setWaiting(null)}
            />
          ) : null}
          {city ? (
            <PinMap
              city={city}
              lat={draft.lat}
              long={draft.long}
              kelurahan={
                pinPlace?.kind === "in" && draft.lat !== null
                  ? pinPlace.place.code
                  : null
              }
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
          {pinPlace?.kind === "in" && draft.lat !== null ? (
            <p class="pin-place" aria-live="polite">
              {t("report.location.pinPlace", {
                kelurahan: pinPlace.place.name,
                kecamatan: pinPlace.place.kecamatan.name,
              })}
            </p>
          ) : null}
          {draft.lat !== null ? (
            <button type="button" class="btn btn-small" onClick={clearPin}>
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

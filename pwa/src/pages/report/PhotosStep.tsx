// Step 3: up to three photos from the camera or the gallery, shrunk on the phone, with thumbnails.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { t } from "../../i18n";
import type { ReportDraft } from "../../offline/drafts";
import { serverError, withoutError } from "./fields";
import { type PhotoPoint, readPhotoPoint } from "./photo-point";
import { resizePhoto } from "./resize-photo";
import { useObjectUrls } from "./use-object-urls";

/** The server's limit (backend/service_requests/photos.py). */
const MAX_PHOTOS = 3;

/** One entry per photo (a draft from before photo positions has none). */
const knownPoints = (draft: ReportDraft) =>
  draft.photos.map((_, index) => draft.photoPoints?.[index] ?? null);

interface Props {
  draft: ReportDraft;
  onChange: (patch: Partial<ReportDraft>) => void;
}

export function PhotosStep({ draft, onChange }: Props) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState("");
  const urls = useObjectUrls(draft.photos);
  const room = MAX_PHOTOS - draft.photos.length;
  const error = serverError(draft.errors, "photos");

  async function add(input: HTMLInputElement) {
    const files = Array.from(input.files ?? []);
    input.value = "";
    if (!files.length) return;
    setBusy(true);
    const resized: Blob[] = [];
    const points: (PhotoPoint | null)[] = [];
    let unreadable = 0;
    for (const file of files.slice(0, room)) {
      try {
        // Before resizing: the resized JPEG has no EXIF any more.
        const point = await readPhotoPoint(file);
        resized.push(await resizePhoto(file));
        points.push(point);
      } catch {
        unreadable += 1;
      }
    }
    setBusy(false);
    const notes = [
      files.length > room
        ? t("report.photos.tooMany", { max: MAX_PHOTOS })
        : "",
      unreadable ? t("report.photos.unreadable") : "",
    ];
    setNote(
      notes.filter(Boolean).join(" ") ||
        t("report.photos.added", { n: resized.length }),
    );
    onChange({
      photos: [...draft.photos, ...resized],
      photoPoints: [...knownPoints(draft), ...points],
      errors: withoutError(draft.errors, "photos"),
    });
  }

  function remove(index: number) {
    onChange({
      photos: draft.photos.filter((_, position) => position !== index),
      photoPoints: knownPoints(draft).filter(
        (_, position) => position !== index,
      ),
      errors: withoutError(draft.errors, "photos"),
    });
    setNote(t("report.photos.removed", { n: index + 1 }));
  }

  return (
    <div class="stack">
      <p class="hint">{t("report.photos.hint", { max: MAX_PHOTOS })}</p>
      {urls.length ? (
        <Thumbnails
          urls={urls}
          size={104}
          after={(index) => (
            <button
              type="button"
              class="btn btn-small btn-danger"
              aria-label={t("report.photos.remove", { n: index + 1 })}
              onClick={() => remove(index)}
            >
              {t("report.photos.removeShort")}
            </button>
          )}
        />
      ) : (
        <p class="muted">{t("report.photos.none")}</p>
      )}
      {room > 0 ? (
        <div class="row photo-inputs">
          <input
            id="photo-camera"
            class="file-input"
            type="file"
            accept="image/*"
            capture="environment"
            disabled={busy}
            onChange={(event) => void add(event.currentTarget)}
          />
          <label for="photo-camera" class="btn btn-primary">
            {t("report.photos.camera")}
          </label>
          <input
            id="photo-gallery"
            class="file-input"
            type="file"
            accept="image/*"
            multiple
            disabled={busy}
            onChange={(event) => void add(event.currentTarget)}
          />
          <label for="photo-gallery" class="btn">
            {t("report.photos.gallery")}
          </label>
        </div>
      ) : (
        <p>{t("report.photos.full", { max: MAX_PHOTOS })}</p>
      )}
      <p class="muted" role="status" aria-live="polite">
        {busy ? t("report.photos.preparing") : note}
      </p>
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The draft's photos as square thumbnails, each followed by what `after` adds (a remove button). */
export function Thumbnails({
  urls,
  size,
  after,
}: {
  urls: string[];
  size: number;
  after?: (index: number) => ComponentChildren;
}) {
  return (
    <ul class="photo-list">
      {urls.map((url, index) => (
        <li key={url}>
          <img
            src={url}
            alt={t("report.photos.alt", { n: index + 1 })}
            width={size}
            height={size}
          />
          {after?.(index)}
        </li>
      ))}
    </ul>
  );
}

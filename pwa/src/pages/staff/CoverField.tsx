// The cover image: uploaded at once (the server shrinks it and strips its metadata), shown, removable.
import { useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import type { NewsImage } from "../../api/news";
import { Field, describedBy } from "../../components/Field";
import { t } from "../../i18n";
import { uploadImage } from "./api";

interface Props {
  cover: NewsImage | null;
  onChange: (cover: NewsImage | null) => void;
  /** The server's complaint about cover_id when saving. */
  saveError?: string | undefined;
}

export function CoverField({ cover, onChange, saveError }: Props) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const error = problem ?? saveError;

  async function upload(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setProblem(undefined);
    try {
      onChange(await uploadImage(file));
      input.value = "";
    } catch (failure) {
      setProblem(
        failure instanceof ApiError
          ? (failure.field("image") ?? failure.message)
          : t("error.generic"),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="staff-cover">
      <Field
        id="article-cover"
        label={t("staff.editor.cover")}
        hint={t("staff.editor.coverHint")}
        error={error}
      >
        {cover ? (
          <figure class="staff-cover-preview">
            <img
              src={cover.thumb_url}
              alt=""
              width={240}
              height={Math.round((240 * cover.height) / cover.width) || 160}
            />
            <figcaption class="muted">
              {t("staff.editor.coverCurrent")}
            </figcaption>
          </figure>
        ) : null}
        <input
          id="article-cover"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          disabled={busy}
          aria-describedby={describedBy("article-cover", error, "hint")}
          onChange={(event) => void upload(event.currentTarget)}
        />
      </Field>
      <p class="muted" role="status" aria-live="polite">
        {busy ? t("staff.editor.uploading") : ""}
      </p>
      {cover ? (
        <button
          type="button"
          class="btn btn-small"
          onClick={() => onChange(null)}
        >
          {t("staff.editor.removeCover")}
        </button>
      ) : null}
    </div>
  );
}

// The Markdown body beside a live preview. The server renders the preview (markdown-it + nh3, the
// same as when saving), so the client carries no Markdown library and shows exactly what readers get.
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import { Field, describedBy } from "../../components/Field";
import { t } from "../../i18n";
import { previewBody, uploadImage } from "./api";

interface Props {
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  /** The saved body and its HTML: no need to ask the server again for those. */
  saved: { body: string; html: string } | null;
}

const PAUSE_MS = 500;

function usePreview(body: string, saved: Props["saved"]) {
  const [html, setHtml] = useState(saved?.html ?? "");
  const [state, setState] = useState<"ready" | "waiting" | "failed">("ready");
  const [problem, setProblem] = useState("");
  useEffect(() => {
    if (saved && body === saved.body) {
      setHtml(saved.html);
      setState("ready");
      return;
    }
    if (!body.trim()) {
      setHtml("");
      setState("ready");
      return;
    }
    setState("waiting");
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      previewBody(body, controller.signal)
        .then((answer) => {
          setHtml(answer.body_html);
          setState("ready");
        })
        .catch((failure: unknown) => {
          if (controller.signal.aborted) return;
          // The last good preview stays; the note says why it is not current (offline, too fast).
          setProblem(
            failure instanceof ApiError ? failure.message : t("error.generic"),
          );
          setState("failed");
        });
    }, PAUSE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [body]);
  return { html, state, problem };
}

export function BodyEditor({ value, onInput, error, saved }: Props) {
  const preview = usePreview(value, saved);
  const area = useRef<HTMLTextAreaElement>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | undefined>(undefined);

  async function insertImage(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setUploading(true);
    setUploadError(undefined);
    try {
      const image = await uploadImage(file);
      const at = area.current?.selectionStart ?? value.length;
      const markdown = `\n\n![${t("staff.editor.imageAlt")}](${image.url})\n\n`;
      onInput(value.slice(0, at) + markdown + value.slice(at));
      input.value = "";
    } catch (failure) {
      setUploadError(
        failure instanceof ApiError
          ? (failure.field("image") ?? failure.message)
          : t("error.generic"),
      );
    } finally {
      setUploading(false);
    }
  }

  return (
    <div class="staff-body-editor">
      <div>
        <Field
          id="article-body"
          label={t("staff.editor.body")}
          hint={t("staff.editor.bodyHint")}
          error={error}
        >
          <textarea
            id="article-body"
            ref={area}
            class="staff-body"
            value={value}
            maxLength={50_000}
            aria-describedby={describedBy("article-body", error, "hint")}
            onInput={(event) => onInput(event.currentTarget.value)}
          />
        </Field>
        <Field
          id="article-image"
          label={t("staff.editor.insertImage")}
          hint={t("staff.editor.insertImageHint")}
          error={uploadError}
        >
          <input
            id="article-image"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            disabled={uploading}
            aria-describedby={describedBy("article-image", uploadError, "hint")}
            onChange={(event) => void insertImage(event.currentTarget)}
          />
        </Field>
        <p class="muted" role="status" aria-live="polite">
          {uploading ? t("staff.editor.uploading") : ""}
        </p>
      </div>
      <section
        class="staff-preview"
        aria-labelledby="pratinjau"
        aria-busy={preview.state === "waiting"}
      >
        <h2 id="pratinjau">{t("staff.editor.preview")}</h2>
        {preview.state === "failed" ? (
          <p class="notice">
            {t("staff.editor.previewFailed", { reason: preview.problem })}
          </p>
        ) : null}
        {preview.html ? (
          <div
            class="staff-preview-body"
            dangerouslySetInnerHTML={{ __html: preview.html }}
          />
        ) : (
          <p class="muted">{t("staff.editor.previewEmpty")}</p>
        )}
      </section>
    </div>
  );
}

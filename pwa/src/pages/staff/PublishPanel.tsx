// Where the article stands and what can happen to it next: save, publish now or at a set time,
// pin or unpin (at most 3 pinned: the server says so), archive.
import { useState } from "preact/hooks";
import { Field, describedBy } from "../../components/Field";
import { formatDateTime, t } from "../../i18n";
import type { EditorArticle } from "./api";

interface Props {
  article: EditorArticle | null;
  busy: boolean;
  dirty: boolean;
  onSave: () => void;
  onPublish: (when?: string) => void;
  onPin: () => void;
  onArchive: () => void;
  /** The schedule field's complaint (client check or the server's published_at). */
  scheduleError?: string | undefined;
}

export function PublishPanel(props: Props) {
  const { article, busy, dirty } = props;
  const [when, setWhen] = useState("");
  const [confirming, setConfirming] = useState(false);
  const status = article?.status ?? "draft";
  const archived = status === "archived";
  const live = status === "published";
  const publishable = !archived && !live;

  return (
    <section class="card staff-publish" aria-labelledby="terbitkan">
      <h2 id="terbitkan">{t("staff.editor.publishing")}</h2>
      <p>
        <span class={`badge badge-article-${status}`}>
          {t(`staff.article.${status}`)}
        </span>
        {article?.is_pinned ? (
          <span class="badge">{t("staff.article.pinned")}</span>
        ) : null}
        {article?.published_at && status !== "draft" ? (
          <span class="muted">
            {" "}
            {t(
              status === "scheduled"
                ? "staff.editor.scheduledFor"
                : "staff.editor.publishedAt",
              {
                time: formatDateTime(article.published_at),
              },
            )}
          </span>
        ) : null}
      </p>
      {dirty ? <p class="muted">{t("staff.editor.unsaved")}</p> : null}
      <div class="row">
        {!archived ? (
          <button
            type="button"
            class={live ? "btn btn-primary" : "btn"}
            disabled={busy}
            onClick={props.onSave}
          >
            {live ? t("staff.editor.saveChanges") : t("staff.editor.saveDraft")}
          </button>
        ) : null}
        {publishable ? (
          <button
            type="button"
            class="btn btn-primary"
            disabled={busy}
            onClick={() => props.onPublish()}
          >
            {t("staff.editor.publishNow")}
          </button>
        ) : null}
        {live ? (
          <a class="btn" href={`/berita/${article?.slug ?? ""}`}>
            {t("staff.editor.view")}
          </a>
        ) : null}
      </div>
      {publishable ? (
        <div class="staff-schedule">
          <Field
            id="article-when"
            label={t("staff.editor.scheduleAt")}
            hint={t("staff.editor.cityTime")}
            error={props.scheduleError}
          >
            <input
              id="article-when"
              type="datetime-local"
              value={when}
              aria-describedby={describedBy(
                "article-when",
                props.scheduleError,
                "hint",
              )}
              onInput={(event) => setWhen(event.currentTarget.value)}
            />
          </Field>
          <button
            type="button"
            class="btn"
            disabled={busy}
            onClick={() => props.onPublish(when)}
          >
            {t("staff.editor.schedule")}
          </button>
        </div>
      ) : null}
      {article && !archived ? (
        <div class="row staff-publish-more">
          <button
            type="button"
            class="btn"
            disabled={busy}
            onClick={props.onPin}
          >
            {article.is_pinned
              ? t("staff.editor.unpin")
              : t("staff.editor.pin")}
          </button>
          {confirming ? (
            <>
              <span>{t("staff.editor.archiveSure")}</span>
              <button
                type="button"
                class="btn btn-danger"
                disabled={busy}
                onClick={props.onArchive}
              >
                {t("staff.editor.archiveYes")}
              </button>
              <button
                type="button"
                class="btn"
                onClick={() => setConfirming(false)}
              >
                {t("common.cancel")}
              </button>
            </>
          ) : (
            <button
              type="button"
              class="btn btn-danger"
              onClick={() => setConfirming(true)}
            >
              {t("staff.editor.archive")}
            </button>
          )}
        </div>
      ) : null}
      {archived ? <p class="muted">{t("staff.editor.archivedNote")}</p> : null}
    </section>
  );
}

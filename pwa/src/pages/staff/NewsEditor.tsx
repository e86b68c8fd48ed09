// The article editor (/staf/berita/baru and /staf/berita/:slug): fields, cover, Markdown with a live
// preview, and publishing. What is typed survives errors (the form stays filled) and reloads (a copy
// in localStorage until the server has it).
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { ApiError, userStore } from "../../api/client";
import { useApi } from "../../api/use-api";
import { ErrorNote, Loading } from "../../components/Status";
import { t } from "../../i18n";
import { zonedIso } from "../../i18n/zoned-time";
import { useStore } from "../../store";
import "./i18n";
import {
  type EditorArticle,
  archiveArticle,
  createArticle,
  editorArticlePath,
  publishArticle,
  updateArticle,
} from "./api";
import { ArticleFields } from "./ArticleFields";
import { BodyEditor } from "./BodyEditor";
import { CoverField } from "./CoverField";
import {
  type Draft,
  EMPTY_DRAFT,
  draftFrom,
  dropBackup,
  inputFrom,
  loadBackup,
  sameDraft,
  saveBackup,
} from "./editor-state";
import { PublishPanel } from "./PublishPanel";

// What to tell after saving moved the editor to the article's own address (a fresh mount).
let carried: { message: string; problem?: ApiError | undefined } = {
  message: "",
};

export function NewsEditor() {
  const slug = useRoute().params.slug ?? null;
  const loaded = useApi<EditorArticle>(slug ? editorArticlePath(slug) : null);
  if (slug && !loaded.data) {
    return loaded.error ? (
      <section class="stack">
        <h1>{t("staff.editor.editTitle")}</h1>
        <ErrorNote error={loaded.error} onRetry={loaded.reload} />
      </section>
    ) : (
      <Loading />
    );
  }
  return <ArticleForm key={slug ?? "new"} saved={loaded.data ?? null} />;
}

function ArticleForm({ saved }: { saved: EditorArticle | null }) {
  const user = useStore(userStore);
  const { route } = useLocation();
  const slug = saved?.slug ?? null;
  const [article, setArticle] = useState(saved);
  const latest = useRef(saved);
  const [start] = useState(() => {
    const baseline = saved ? draftFrom(saved) : EMPTY_DRAFT;
    const backup = loadBackup(slug);
    const restored = backup !== null && !sameDraft(backup, baseline);
    return { baseline, draft: restored ? backup : baseline, restored };
  });
  const [draft, setDraft] = useState<Draft>(start.draft);
  const [kept, setKept] = useState(start.baseline);
  const [showRestored, setShowRestored] = useState(start.restored);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(carried.problem);
  const [scheduleError, setScheduleError] = useState<string | undefined>(
    undefined,
  );
  const [message, setMessage] = useState(carried.message);
  const status = useRef<HTMLDivElement>(null);
  const dirty = !sameDraft(draft, kept);
  const chooseOpd = !article && user?.role === "admin";

  useEffect(() => {
    carried = { message: "" };
  }, []);
  useEffect(() => {
    const timer = window.setTimeout(
      () => (dirty ? saveBackup(slug, draft) : dropBackup(slug)),
      300,
    );
    return () => window.clearTimeout(timer);
  }, [draft, dirty]);

  const change = (changes: Partial<Draft>) =>
    setDraft((before) => ({ ...before, ...changes }));

  /** Stores the form (creating the article the first time); the answer is the stored article. */
  async function save(): Promise<EditorArticle> {
    if (article && !dirty) return article;
    const sent = draft;
    const stored = article
      ? await updateArticle(article.slug, inputFrom(sent, false))
      : await createArticle(inputFrom(sent, chooseOpd));
    latest.current = stored;
    setArticle(stored);
    setKept(sent);
    dropBackup(slug);
    return stored;
  }

  async function act(
    call: () => Promise<EditorArticle>,
    text: (done: EditorArticle) => string,
  ) {
    setBusy(true);
    setError(undefined);
    setMessage("");
    let done: EditorArticle | undefined;
    let problem: ApiError | undefined;
    try {
      done = await call();
      latest.current = done;
      setArticle(done);
    } catch (failure) {
      problem =
        failure instanceof ApiError
          ? failure
          : new ApiError(0, t("error.generic"));
    }
    setBusy(false);
    const told = done ? text(done) : "";
    // A first save names the article (and a draft's new title renames it): go to its address.
    if (latest.current && latest.current.slug !== slug) {
      carried = { message: told, problem };
      route(`/staf/berita/${encodeURIComponent(latest.current.slug)}`, true);
      return;
    }
    setMessage(told);
    setError(problem);
    status.current?.focus();
  }

  function publish(when?: string) {
    setScheduleError(undefined);
    let at: string | undefined;
    if (when !== undefined) {
      at = zonedIso(when) ?? undefined;
      if (!at || Date.parse(at) <= Date.now()) {
        setScheduleError(t("staff.editor.scheduleFuture"));
        return;
      }
    }
    void act(
      async () => publishArticle((await save()).slug, at),
      (done) =>
        t(
          done.status === "scheduled"
            ? "staff.editor.scheduled"
            : "staff.editor.published",
        ),
    );
  }

  return (
    <section class="staff-editor">
      <p>
        <a href="/staf/berita">{t("staff.editor.back")}</a>
      </p>
      <h1>
        {article ? t("staff.editor.editTitle") : t("staff.editor.newTitle")}
      </h1>
      <div
        ref={status}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        class="staff-status"
      >
        {message ? <p class="notice">{message}</p> : null}
        {error ? <ErrorNote error={error} /> : null}
      </div>
      {showRestored ? (
        <p class="notice">
          {t("staff.editor.restored")}{" "}
          <button
            type="button"
            class="btn btn-small"
            onClick={() => {
              dropBackup(slug);
              setDraft(kept);
              setShowRestored(false);
            }}
          >
            {t("staff.editor.discard")}
          </button>
        </p>
      ) : null}
      <form
        class="staff-editor-form"
        onSubmit={(event) => event.preventDefault()}
        noValidate
      >
        <ArticleFields
          draft={draft}
          change={change}
          error={error}
          chooseOpd={chooseOpd}
        />
        <CoverField
          cover={draft.cover}
          onChange={(cover) => change({ cover })}
          saveError={error?.field("cover_id")}
        />
        <BodyEditor
          value={draft.body}
          onInput={(body) => change({ body })}
          error={error?.field("body")}
          saved={
            article ? { body: article.body, html: article.body_html } : null
          }
        />
      </form>
      <PublishPanel
        article={article}
        busy={busy}
        dirty={dirty}
        scheduleError={scheduleError ?? error?.field("published_at")}
        onSave={() => void act(save, () => t("staff.editor.saved"))}
        onPublish={publish}
        onPin={() =>
          article &&
          void act(
            () =>
              updateArticle(article.slug, { is_pinned: !article.is_pinned }),
            (done) =>
              t(
                done.is_pinned
                  ? "staff.editor.pinnedDone"
                  : "staff.editor.unpinnedDone",
              ),
          )
        }
        onArchive={() =>
          article &&
          void act(
            () => archiveArticle(article.slug),
            () => t("staff.editor.archived"),
          )
        }
      />
    </section>
  );
}

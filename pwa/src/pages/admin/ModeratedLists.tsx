// The three moderation lists: public requests, comments on them, and published articles.
import { localized } from "../../api/catalog";
import { usePaged } from "../../api/use-paged";
import { formatDateTime, t } from "../../i18n";
import {
  type ModeratedArticle,
  type ModeratedComment,
  type ModeratedRequest,
  type Shown,
  articlesPath,
  moderateArticle,
  moderateComment,
  moderateRequest,
  moderationPath,
} from "./api";
import { HideControl } from "./HideControl";
import { PagedList } from "./PagedList";

interface ListProps {
  shown: Shown;
  /** Tells the screen what changed, for its status line. */
  onNotice: (text: string) => void;
}

function HiddenBadge({ reason }: { reason?: string | null }) {
  return (
    <p>
      <span class="badge badge-overdue">{t("admin.moderation.hidden")}</span>
      {reason ? (
        <span class="muted"> {t("admin.moderation.because", { reason })}</span>
      ) : null}
    </p>
  );
}

export function ModeratedRequests({ shown, onNotice }: ListProps) {
  const paged = usePaged<ModeratedRequest>(moderationPath("requests", shown));
  return (
    <PagedList
      paged={paged}
      label={t("admin.moderation.requests")}
      empty={t("admin.moderation.emptyRequests")}
    >
      {(item) => (
        <li key={item.code} class="card">
          <h3>
            <a href={`/laporan/${encodeURIComponent(item.code)}`}>
              {item.code}
            </a>{" "}
            · {localized(item.service.name)}
          </h3>
          <p class="muted admin-small">
            {formatDateTime(item.created_at)}
            {item.kelurahan ? ` · ${item.kelurahan.name}` : ""} ·{" "}
            {t(`status.${item.status}`)}
          </p>
          <p class="admin-excerpt">
            {item.description || t("admin.moderation.noText")}
          </p>
          {item.is_hidden ? <HiddenBadge reason={item.hidden_reason} /> : null}
          <HideControl
            id={`request-${item.code}`}
            hidden={item.is_hidden}
            what={t("admin.moderation.requestWhat", { code: item.code })}
            withReason
            onModerate={async (body) => {
              await moderateRequest(item.code, body);
              paged.replace(
                {
                  ...item,
                  is_hidden: body.hidden,
                  hidden_reason: body.hidden ? (body.reason ?? null) : null,
                },
                (a, b) => a.code === b.code,
              );
              onNotice(
                t(
                  body.hidden
                    ? "admin.moderation.hiddenOne"
                    : "admin.moderation.shownOne",
                  { what: item.code },
                ),
              );
            }}
          />
        </li>
      )}
    </PagedList>
  );
}

export function ModeratedComments({ shown, onNotice }: ListProps) {
  const paged = usePaged<ModeratedComment>(moderationPath("comments", shown));
  return (
    <PagedList
      paged={paged}
      label={t("admin.moderation.comments")}
      empty={t("admin.moderation.emptyComments")}
    >
      {(item) => (
        <li key={item.id} class="card">
          <p class="muted admin-small">
            {formatDateTime(item.created_at)} ·{" "}
            {item.author?.role
              ? t(`admin.role.${item.author.role}`)
              : t("admin.moderation.someone")}{" "}
            ·{" "}
            <a href={`/laporan/${encodeURIComponent(item.request_code)}`}>
              {item.request_code}
            </a>
          </p>
          <p class="admin-excerpt">{item.text}</p>
          {item.is_hidden ? <HiddenBadge /> : null}
          <HideControl
            id={`comment-${item.id}`}
            hidden={item.is_hidden}
            what={t("admin.moderation.commentWhat", {
              code: item.request_code,
            })}
            withReason={false}
            onModerate={async (body) => {
              const answer = await moderateComment(
                item.request_code,
                item.id,
                body,
              );
              paged.replace(
                { ...item, is_hidden: answer.is_hidden },
                (a, b) => a.id === b.id,
              );
              onNotice(
                t(
                  body.hidden
                    ? "admin.moderation.commentHidden"
                    : "admin.moderation.commentShown",
                ),
              );
            }}
          />
        </li>
      )}
    </PagedList>
  );
}

export function ModeratedArticles({ shown, onNotice }: ListProps) {
  const paged = usePaged<ModeratedArticle>(articlesPath());
  // The editors' list has no hidden filter, so the loaded articles are filtered here.
  const view = {
    ...paged,
    items: paged.items.filter(
      (item) => shown === "all" || item.is_hidden === (shown === "hidden"),
    ),
  };
  return (
    <PagedList
      paged={view}
      label={t("admin.moderation.articles")}
      empty={t("admin.moderation.emptyArticles")}
    >
      {(item) => (
        <li key={item.slug} class="card">
          <h3>
            <a href={`/berita/${encodeURIComponent(item.slug)}`}>
              {item.title}
            </a>
          </h3>
          <p class="muted admin-small">
            {item.opd.short_name} · {t(`category.${item.category}`)}
            {item.published_at ? ` · ${formatDateTime(item.published_at)}` : ""}
          </p>
          <p class="admin-excerpt">{item.summary}</p>
          {item.is_hidden ? <HiddenBadge /> : null}
          <HideControl
            id={`article-${item.slug}`}
            hidden={item.is_hidden}
            what={t("admin.moderation.articleWhat", { title: item.title })}
            withReason
            onModerate={async (body) => {
              const answer = await moderateArticle(item.slug, body);
              paged.replace(
                { ...item, is_hidden: answer.is_hidden },
                (a, b) => a.slug === b.slug,
              );
              onNotice(
                t(
                  body.hidden
                    ? "admin.moderation.hiddenOne"
                    : "admin.moderation.shownOne",
                  { what: item.title },
                ),
              );
            }}
          />
        </li>
      )}
    </PagedList>
  );
}

// The article editor's form state, its conversion to the API's fields, and a copy kept in
// localStorage so that a reload or a closed tab never loses what the editor typed.
import type { Category, NewsImage } from "../../api/news";
import { localInput, zonedIso } from "../../i18n/zoned-time";
import type { ArticleInput, EditorArticle } from "./api";

export interface Draft {
  title: string;
  summary: string;
  body: string;
  category: Category;
  /** "" is the whole city. */
  kecamatan: string;
  cover: NewsImage | null;
  /** datetime-local values, in the city's zone. */
  eventStartsAt: string;
  eventEndsAt: string;
  eventPlace: string;
  expiresAt: string;
  /** Admins writing a new article choose the OPD. */
  opd: string;
}

export const EMPTY_DRAFT: Draft = {
  title: "",
  summary: "",
  body: "",
  category: "berita",
  kecamatan: "",
  cover: null,
  eventStartsAt: "",
  eventEndsAt: "",
  eventPlace: "",
  expiresAt: "",
  opd: "",
};

export function draftFrom(article: EditorArticle): Draft {
  return {
    title: article.title,
    summary: article.summary,
    body: article.body,
    category: article.category,
    kecamatan: article.kecamatan?.code ?? "",
    cover: article.cover,
    eventStartsAt: localInput(article.event?.starts_at ?? null),
    eventEndsAt: localInput(article.event?.ends_at ?? null),
    eventPlace: article.event?.place ?? "",
    expiresAt: localInput(article.expires_at),
    opd: article.opd.code,
  };
}

/** The fields to send; event details only for an agenda, an expiry only for a warning. */
export function inputFrom(draft: Draft, withOpd: boolean): ArticleInput {
  const agenda = draft.category === "agenda";
  const input: ArticleInput = {
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    body: draft.body,
    category: draft.category,
    kecamatan: draft.kecamatan || null,
    cover_id: draft.cover?.id ?? null,
    event_starts_at: agenda ? zonedIso(draft.eventStartsAt) : null,
    event_ends_at: agenda ? zonedIso(draft.eventEndsAt) : null,
    event_place: agenda ? draft.eventPlace.trim() || null : null,
    expires_at:
      draft.category === "peringatan" ? zonedIso(draft.expiresAt) : null,
  };
  if (withOpd) input.opd = draft.opd;
  return input;
}

const backupKey = (slug: string | null) =>
  `satupintu.staff.article.${slug ?? "new"}`;

export function loadBackup(slug: string | null): Draft | null {
  try {
    const saved = localStorage.getItem(backupKey(slug));
    return saved
      ? { ...EMPTY_DRAFT, ...(JSON.parse(saved) as Partial<Draft>) }
      : null;
  } catch {
    return null;
  }
}

export function saveBackup(slug: string | null, draft: Draft): void {
  try {
    localStorage.setItem(backupKey(slug), JSON.stringify(draft));
  } catch {
    // A full storage only costs the safety copy; the form itself still holds everything.
  }
}

export function dropBackup(slug: string | null): void {
  localStorage.removeItem(backupKey(slug));
}

export const sameDraft = (a: Draft, b: Draft) =>
  JSON.stringify(a) === JSON.stringify(b);

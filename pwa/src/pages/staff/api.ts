// The staff endpoints: the OPD's inbox and working a request, the OPD's articles and their editing.
import { api, query } from "../../api/client";
import type { ArticleSummary, Category, NewsImage } from "../../api/news";
import type {
  RequestEvent,
  RequestStatus,
  ServiceRequest,
} from "../../api/requests";

export interface InboxFilters {
  /** One status or several, comma-separated; the server's default is the open ones. */
  status?: string | undefined;
  overdue?: boolean | undefined;
  service?: string | undefined;
  kecamatan?: string | undefined;
  /** Admins only: one OPD's requests. */
  opd?: string | undefined;
  /** A tracking code, or words in the code, address or description. */
  q?: string | undefined;
}

// A tracking code as typed (BPN-7K3Q9), as the server's inbox.py recognises it.
const CODE = /^[A-Z]{2,6}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{5}$/;

/** The code when the search words are exactly a tracking code, in any case. */
export function exactCode(words: string | undefined): string | null {
  const code = (words ?? "").trim().toUpperCase();
  return CODE.test(code) ? code : null;
}

export const inboxPath = (filters: InboxFilters, limit = 25) =>
  `staff/requests${query({ ...filters, overdue: filters.overdue || undefined, limit })}`;

const base = (code: string) => `requests/${encodeURIComponent(code)}`;

/** Move a request along the workflow; a resolution may carry one "after" photo (multipart). */
export function changeStatus(
  code: string,
  to: RequestStatus,
  note: string | null,
  options: { duplicateOf?: string | null; photo?: File | null } = {},
): Promise<ServiceRequest> {
  const path = `${base(code)}/transitions`;
  if (options.photo) {
    const form = new FormData();
    form.set("to", to);
    if (note) form.set("note", note);
    form.set("photo", options.photo);
    return api<ServiceRequest>(path, { method: "POST", form });
  }
  return api<ServiceRequest>(path, {
    method: "POST",
    json: { to, note: note || null, duplicate_of: options.duplicateOf || null },
  });
}

export const addNote = (code: string, text: string) =>
  api<RequestEvent>(`${base(code)}/notes`, { method: "POST", json: { text } });

export const reroute = (code: string, opd: string, reason: string) =>
  api<ServiceRequest>(`${base(code)}/reroute`, {
    method: "POST",
    json: { opd, reason },
  });

type ArticleStatus = "draft" | "scheduled" | "published" | "archived";
export const ARTICLE_STATUSES: readonly ArticleStatus[] = [
  "draft",
  "scheduled",
  "published",
  "archived",
];

/** An article as its editors see it: the Markdown source too. */
export interface EditorArticle extends ArticleSummary {
  status: ArticleStatus;
  body: string;
  body_html: string;
  is_hidden: boolean;
}

/** The fields the editor sends; times are ISO 8601 with the city's offset. */
export interface ArticleInput {
  title: string;
  summary: string;
  body: string;
  category: Category;
  kecamatan: string | null;
  cover_id: number | null;
  event_starts_at: string | null;
  event_ends_at: string | null;
  event_place: string | null;
  expires_at: string | null;
  /** Admins only, when creating. */
  opd?: string;
}

export const staffNewsPath = (filters: {
  status?: string | undefined;
  opd?: string | undefined;
}) => `staff/news${query({ ...filters, limit: 25 })}`;

const article = (slug: string) => `news/${encodeURIComponent(slug)}`;

/** The article with its Markdown source (the public read has only the HTML). */
export const editorArticlePath = (slug: string) =>
  `staff/news/${encodeURIComponent(slug)}`;

export const createArticle = (input: ArticleInput) =>
  api<EditorArticle>("news", { method: "POST", json: input });

export const updateArticle = (
  slug: string,
  changes: Partial<ArticleInput> & { is_pinned?: boolean },
) => api<EditorArticle>(article(slug), { method: "PATCH", json: changes });

/** Publish now (no time) or schedule for a later one. */
export const publishArticle = (slug: string, publishedAt?: string) =>
  api<EditorArticle>(`${article(slug)}/publish`, {
    method: "POST",
    json: publishedAt ? { published_at: publishedAt } : {},
  });

export const archiveArticle = (slug: string) =>
  api<EditorArticle>(`${article(slug)}/archive`, { method: "POST" });

export function uploadImage(file: File): Promise<NewsImage> {
  const form = new FormData();
  form.set("image", file);
  return api<NewsImage>("news/images", { method: "POST", form });
}

export const previewBody = (body: string, signal?: AbortSignal) =>
  api<{ body_html: string }>("news/preview", {
    method: "POST",
    json: { body },
    signal,
  });

// News: the public feed, one article and the peringatan banner, read without the login so that the
// service worker's cache answers them offline for anyone.
import { useCallback, useEffect, useState } from "preact/hooks";
import { language, t } from "../i18n";
import { ApiError, type Page, errorFrom, query } from "./client";

export const CATEGORIES = [
  "pengumuman",
  "berita",
  "agenda",
  "peringatan",
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface NewsImage {
  id: number;
  url: string;
  thumb_url: string;
  width: number;
  height: number;
}

export interface ArticleSummary {
  slug: string;
  title: string;
  summary: string;
  category: Category;
  opd: { code: string; name: string; short_name: string };
  kecamatan: { code: string; name: string } | null;
  cover: NewsImage | null;
  is_pinned: boolean;
  status: string;
  published_at: string | null;
  updated_at: string | null;
  event: { starts_at: string; ends_at: string | null; place: string } | null;
  expires_at: string | null;
}

export interface Article extends ArticleSummary {
  /** Sanitised by the server (nh3) when the Markdown is rendered. */
  body_html: string;
}

export function isCategory(value: string | undefined): value is Category {
  return (CATEGORIES as readonly string[]).includes(value ?? "");
}

export function newsPath(options: {
  category?: Category | undefined;
  cursor?: string | null | undefined;
  limit?: number;
}): string {
  return `news${query({ category: options.category, cursor: options.cursor, limit: options.limit })}`;
}

export const articlePath = (slug: string) => `news/${encodeURIComponent(slug)}`;

export const bannerPath = (kecamatan?: string | null) =>
  `news/banner${query({ kecamatan })}`;

/** A GET without the Authorization header: the answers vary by it, and a cached copy stored
 * under one access token would not match the next one when offline. */
export async function publicGet<T>(
  path: string,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/${path}`, {
      headers: { Accept: "application/json", "Accept-Language": language() },
      credentials: "same-origin",
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError")
      throw error;
    throw new ApiError(0, t("error.offline"));
  }
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as T;
}

export interface Public<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Like useApi, through publicGet. */
export function usePublic<T>(path: string | null): Public<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setLoading(true);
    publicGet<T>(path, controller.signal)
      .then((answer) => {
        setData(answer);
        setError(undefined);
      })
      .catch((failure: unknown) => {
        if (failure instanceof ApiError) setError(failure);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, reload };
}

export type NewsPage = Page<ArticleSummary>;

// News: the public feed, one article and the peringatan banner, read without the login
// (useApi(path, { anonymous: true })) so that the service worker's cache answers them offline for anyone.
import { type Page, query } from "./client";

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
  q?: string | undefined;
  limit?: number;
}): string {
  const { category, q, limit } = options;
  return `news${query({ category, q, limit })}`;
}

export const articlePath = (slug: string) => `news/${encodeURIComponent(slug)}`;

/** The banner of the device's area: a warning limited to kelurahan shows only in them, so the
 * kelurahan goes when it is known, else the kecamatan (one URL per area, cached as such). */
export const bannerPath = (
  area: { kecamatan?: string | null; kelurahan?: string | null } = {},
) =>
  `news/banner${query(area.kelurahan ? { kelurahan: area.kelurahan } : { kecamatan: area.kecamatan })}`;

export type NewsPage = Page<ArticleSummary>;

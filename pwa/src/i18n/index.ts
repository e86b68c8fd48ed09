// The tiny lookup: Bahasa Indonesia by default, English when chosen (or preferred by the browser).
// The resident tables load with the app; staff, admin and command-center chunks add their own.
import id from "./id.json";
import en from "./en.json";
import { createStore, useStore } from "../store";
import { cityZone } from "./city-zone";

export { cityZone, setCityTimeZone } from "./city-zone";

export type Language = "id" | "en";
type Table = Record<string, string>;

const tables: Record<Language, Table> = { id: { ...id }, en: { ...en } };
const STORAGE_KEY = "satupintu.language";

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === "id" || saved === "en") return saved;
  return navigator.language.toLowerCase().startsWith("en") ? "en" : "id";
}

const languageStore = createStore<Language>(initialLanguage());
document.documentElement.lang = languageStore.get();

export function language(): Language {
  return languageStore.get();
}

export function useLanguage(): Language {
  return useStore(languageStore);
}

export function setLanguage(next: Language): void {
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  languageStore.set(next);
}

/** Adds a lazy chunk's messages (each chunk keeps an id.json and an en.json beside it). */
export function addMessages(more: Record<Language, Table>): void {
  Object.assign(tables.id, more.id);
  Object.assign(tables.en, more.en);
}

/** A text in Bahasa Indonesia, and in English when the catalogue has it. */
export interface Localized {
  id: string;
  en?: string;
}

/** A catalogue text in the current language (Indonesian when there is no English). */
export function localized(text: Localized | string | null | undefined): string {
  if (!text) return "";
  if (typeof text === "string") return text;
  return (language() === "en" && text.en) || text.id;
}

/** The message in the current language, with {name} placeholders filled in. */
export function t(
  key: string,
  values: Record<string, string | number> = {},
): string {
  const text = tables[languageStore.get()][key] ?? tables.id[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) =>
    name in values ? String(values[name]) : `{${name}}`,
  );
}

/** A date and time in the city's zone (WITA for Balikpapan), in the current language. */
export function formatDateTime(iso: string, timeZone = cityZone()): string {
  return new Intl.DateTimeFormat(
    languageStore.get() === "id" ? "id-ID" : "en-GB",
    {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone,
    },
  ).format(new Date(iso));
}

export function formatDate(iso: string, timeZone = cityZone()): string {
  return new Intl.DateTimeFormat(
    languageStore.get() === "id" ? "id-ID" : "en-GB",
    {
      dateStyle: "long",
      timeZone,
    },
  ).format(new Date(iso));
}

export function formatNumber(value: number, digits = 0): string {
  return new Intl.NumberFormat(
    languageStore.get() === "id" ? "id-ID" : "en-GB",
    {
      maximumFractionDigits: digits,
    },
  ).format(value);
}

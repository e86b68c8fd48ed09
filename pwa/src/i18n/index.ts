// The tiny lookup: Bahasa Indonesia by default, English when chosen (or preferred by the browser).
import id from "./id.json";
import en from "./en.json";

export type Language = "id" | "en";
export type MessageKey = keyof typeof id;

const tables: Record<Language, Record<MessageKey, string>> = { id, en };
const STORAGE_KEY = "satupintu.language";

export function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === "id" || saved === "en") return saved;
  return navigator.language.toLowerCase().startsWith("en") ? "en" : "id";
}

let current: Language = initialLanguage();

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

/** The message in the current language, with {name} placeholders filled in. */
export function t(
  key: MessageKey,
  values: Record<string, string> = {},
): string {
  const text = tables[current][key] ?? tables.id[key];
  return text.replace(
    /\{(\w+)\}/g,
    (_, name: string) => values[name] ?? `{${name}}`,
  );
}

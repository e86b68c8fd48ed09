// Converting between the catalogue's {id, en} texts and the two inputs that edit them.
import type { Localized } from "./api";
import type { Texts } from "./FormFields";

export const toTexts = (text: Localized | null | undefined): Texts => ({
  id: text?.id ?? "",
  en: text?.en ?? "",
});

/** The text to send: English only when given. */
export function fromTexts(texts: Texts): Localized {
  const id = texts.id.trim();
  const en = texts.en.trim();
  return en ? { id, en } : { id };
}

/** An optional text (a description): null when both languages are empty. */
export function optionalTexts(texts: Texts): Localized | null {
  return texts.id.trim() || texts.en.trim() ? fromTexts(texts) : null;
}

/** A whole number typed in a field, or null when empty (the server then says what it needs). */
export function wholeNumber(typed: string): number | null {
  const text = typed.trim();
  return text ? Number(text) : null;
}

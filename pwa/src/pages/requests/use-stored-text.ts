// A text field's value kept in localStorage as it is typed, so that a reload, a closed tab or a
// failed send never loses it; cleared once the server has taken it.
import { useState } from "preact/hooks";

const PREFIX = "satupintu.draft.";

function read(key: string): string {
  try {
    return localStorage.getItem(PREFIX + key) ?? "";
  } catch {
    return "";
  }
}

function write(key: string, value: string): void {
  try {
    if (value) localStorage.setItem(PREFIX + key, value);
    else localStorage.removeItem(PREFIX + key);
  } catch {
    // Storage full or blocked: the text still lives in the form.
  }
}

export function useStoredText(key: string): [string, (value: string) => void] {
  const [value, setValue] = useState(() => read(key));
  const update = (next: string) => {
    setValue(next);
    write(key, next);
  };
  return [value, update];
}

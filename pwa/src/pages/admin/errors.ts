// Reading the server's field errors, which nest for localized texts and list values.
import type { ApiError } from "../../api/client";

function messages(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (Array.isArray(node)) return node.flatMap(messages);
  if (node && typeof node === "object")
    return Object.values(node).flatMap(messages);
  return [];
}

/** Every message at `path` in the error's fields, e.g. ("name", "id") or ("values", 0, "key"). */
export function errorAt(
  error: ApiError | undefined,
  ...path: (string | number)[]
): string | undefined {
  let node: unknown = error?.errors;
  for (const part of path) {
    if (!node || typeof node !== "object" || Array.isArray(node))
      return undefined;
    node = (node as Record<string, unknown>)[String(part)];
  }
  const found = messages(node);
  return found.length ? found.join(" ") : undefined;
}

/** Only the messages about the field as a whole (not those of its nested parts). */
export function ownErrorAt(
  error: ApiError | undefined,
  name: string,
): string | undefined {
  const node = error?.errors[name];
  return Array.isArray(node) ? node.map(String).join(" ") : undefined;
}

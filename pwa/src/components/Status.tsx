// Small shared pieces: loading, an API error, an empty list.
import type { ComponentChildren } from "preact";
import type { ApiError } from "../api/client";
import { t } from "../i18n";

export function Loading() {
  return (
    <p class="muted" role="status" aria-live="polite">
      {t("common.loading")}
    </p>
  );
}

/** The server's message (already in the person's language), or the offline notice. */
export function ErrorNote({
  error,
}: {
  error: ApiError | Error | undefined | null;
}) {
  if (!error) return null;
  return (
    <p class="error-note" role="alert">
      {error.message || t("error.generic")}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="muted empty">{children}</p>;
}

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

/** The server's message (already in the person's language), or the offline notice; with
 * `onRetry`, a button to try again under it. */
export function ErrorNote({
  error,
  onRetry,
}: {
  error: ApiError | Error | undefined | null;
  onRetry?: () => void;
}) {
  if (!error) return null;
  const note = (
    <p class="error-note" role="alert">
      {error.message || t("error.generic")}
    </p>
  );
  if (!onRetry) return note;
  return (
    <div class="stack">
      {note}
      <button type="button" class="btn" onClick={onRetry}>
        {t("common.retry")}
      </button>
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="muted empty">{children}</p>;
}

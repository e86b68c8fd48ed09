// A paged list's states around its items: the items (when there are any), the empty note, the
// error with a way to try again, loading, and "load more".
import type { ComponentChildren } from "preact";
import type { Paged } from "../api/use-paged";
import { t } from "../i18n";
import { Empty, ErrorNote, Loading } from "./Status";

interface Props<T> {
  paged: Paged<T>;
  empty: ComponentChildren;
  /** The items, rendered only when there are some. */
  children: ComponentChildren;
}

export function PagedStates<T>({ paged, empty, children }: Props<T>) {
  const some = paged.items.length > 0;
  return (
    <>
      {some ? children : null}
      {paged.loaded && !paged.error && !some ? <Empty>{empty}</Empty> : null}
      {/* A failed next page is asked for again; a failed first page starts over. */}
      <ErrorNote
        error={paged.error}
        onRetry={some ? paged.loadMore : paged.reload}
      />
      {paged.loading ? <Loading /> : null}
      {paged.hasMore && !paged.loading && !paged.error ? (
        <p>
          <button type="button" class="btn" onClick={paged.loadMore}>
            {t("common.loadMore")}
          </button>
        </p>
      ) : null}
    </>
  );
}

// A paged list's states around its items: loading, error with retry, empty, and "load more".
import type { ComponentChildren } from "preact";
import { Empty, ErrorNote, Loading } from "../../components/Status";
import { t } from "../../i18n";
import type { Paged } from "./use-paged";

interface Props<T> {
  paged: Paged<T>;
  empty: string;
  label: string;
  children: (item: T) => ComponentChildren;
}

export function PagedList<T>({ paged, empty, label, children }: Props<T>) {
  return (
    <>
      <ErrorNote error={paged.error} />
      {paged.error ? (
        <button type="button" class="btn" onClick={paged.reload}>
          {t("admin.retry")}
        </button>
      ) : null}
      {paged.loaded && !paged.error && paged.items.length === 0 ? (
        <Empty>{empty}</Empty>
      ) : null}
      {paged.items.length ? (
        <ul class="list admin-cards" aria-label={label}>
          {paged.items.map(children)}
        </ul>
      ) : null}
      {paged.loading ? <Loading /> : null}
      {paged.hasMore && !paged.loading ? (
        <button type="button" class="btn" onClick={paged.loadMore}>
          {t("admin.loadMore")}
        </button>
      ) : null}
    </>
  );
}

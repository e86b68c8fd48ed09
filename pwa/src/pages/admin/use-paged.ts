// A keyset-paged admin list: the first page, more on request, and rows replaced after an edit.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, type Page, api } from "../../api/client";

export interface Paged<T> {
  items: T[];
  loading: boolean;
  /** True once the first page (or its error) has arrived. */
  loaded: boolean;
  error: ApiError | undefined;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Puts an edited row in place of the one it replaces (same key). */
  replace: (item: T, same: (a: T, b: T) => boolean) => void;
}

function withCursor(path: string, cursor: string): string {
  const joiner = path.includes("?") ? "&" : "?";
  return `${path}${joiner}cursor=${encodeURIComponent(cursor)}`;
}

/** Pages of `path`; a new path starts again from its first page. */
export function usePaged<T>(path: string): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [round, setRound] = useState(0);
  const controller = useRef<AbortController | null>(null);

  const fetchPage = useCallback(
    (cursor: string | null) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setLoading(true);
      api<Page<T>>(cursor ? withCursor(path, cursor) : path, {
        signal: current.signal,
      })
        .then((page) => {
          setItems((before) =>
            cursor ? [...before, ...page.items] : page.items,
          );
          setNext(page.next);
          setError(undefined);
        })
        .catch((failure: unknown) => {
          if (failure instanceof ApiError) setError(failure);
        })
        .finally(() => {
          if (current.signal.aborted) return;
          setLoading(false);
          setLoaded(true);
        });
    },
    [path],
  );

  useEffect(() => {
    setItems([]);
    setNext(null);
    setLoaded(false);
    fetchPage(null);
    return () => controller.current?.abort();
  }, [fetchPage, round]);

  return {
    items,
    loading,
    loaded,
    error,
    hasMore: next !== null,
    loadMore: () => {
      if (next && !loading) fetchPage(next);
    },
    reload: () => setRound((n) => n + 1),
    replace: (item, same) =>
      setItems((before) => before.map((old) => (same(old, item) ? item : old))),
  };
}

// A keyset-paged list: the first page of `path`, more pages appended with the cursor on request,
// and a fresh start whenever the path (its filters) changes.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, type Page, api } from "./client";
import type { ReadOptions } from "./use-api";

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
  return `${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`;
}

/** Pages of `path` (null: nothing to load yet). */
export function usePaged<T>(
  path: string | null,
  { anonymous = false }: ReadOptions = {},
): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [round, setRound] = useState(0);
  const controller = useRef<AbortController | null>(null);

  const fetchPage = useCallback(
    (cursor: string | null) => {
      if (path === null) return;
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setLoading(true);
      setError(undefined);
      api<Page<T>>(cursor ? withCursor(path, cursor) : path, {
        signal: current.signal,
        anonymous,
      })
        .then((page) => {
          setItems((before) =>
            cursor ? [...before, ...page.items] : page.items,
          );
          setNext(page.next);
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
    [path, anonymous],
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
    reload: useCallback(() => setRound((n) => n + 1), []),
    replace: (item, same) =>
      setItems((before) => before.map((old) => (same(old, item) ? item : old))),
  };
}

// A keyset-paged list: the first page for `path`, then more pages appended with the cursor.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, type Page, api } from "../../api/client";

export interface Paged<T> {
  items: T[];
  /** True once the first page (or its error) has arrived. */
  loaded: boolean;
  loading: boolean;
  error: ApiError | undefined;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

function withCursor(path: string, cursor: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`;
}

/** Pages of `path` (null: nothing to load); a new path starts over from its first page. */
export function usePaged<T>(path: string | null): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(false);
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
    loaded,
    loading,
    error,
    hasMore: next !== null,
    loadMore: () => {
      if (next && !loading) fetchPage(next);
    },
    reload: () => setRound((n) => n + 1),
  };
}

// Loading an API read inside a component: data, error, loading and reload, cancelled on unmount.
import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError, api } from "./client";

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

export interface ReadOptions {
  /** A public read, sent without the login (see RequestOptions.anonymous: the worker's cache). */
  anonymous?: boolean;
}

/** GETs `path` (skipped while it is null) and again whenever it changes or reload() is called. */
export function useApi<T>(
  path: string | null,
  { anonymous = false }: ReadOptions = {},
): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setLoading(true);
    api<T>(path, { signal: controller.signal, anonymous })
      .then((answer) => {
        setData(answer);
        setError(undefined);
      })
      .catch((failure: unknown) => {
        if (failure instanceof ApiError) setError(failure);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, round, anonymous]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, reload };
}

// Loading an API read inside a component: data, error, loading and reload, cancelled on unmount.
import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError, api } from "./client";

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** GETs `path` (skipped while it is null) and again whenever it changes or reload() is called. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setLoading(true);
    api<T>(path, { signal: controller.signal })
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
  }, [path, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, reload };
}

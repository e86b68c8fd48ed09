// Loading a read inside a component: data, error, loading and reload, cancelled on unmount.
import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError, api } from "./client";

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  /** Puts an answer in place, e.g. the one a save returned, without reading again. */
  set: (data: T) => void;
}

export interface ReadOptions {
  /** A public read, sent without the login (see RequestOptions.anonymous: the worker's cache). */
  anonymous?: boolean;
}

/** Runs `load` at first, whenever `key` changes and on reload(); a null key skips it. */
export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string | null = "",
): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(key !== null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    const live = () => !controller.signal.aborted;
    setLoading(true);
    load(controller.signal)
      .then((answer) => {
        if (!live()) return;
        setData(answer);
        setError(undefined);
      })
      .catch((failure: unknown) => {
        if (live() && failure instanceof ApiError) setError(failure);
      })
      .finally(() => {
        if (live()) setLoading(false);
      });
    return () => controller.abort();
  }, [key, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, reload, set: setData };
}

/** GETs `path` (skipped while it is null) and again whenever it changes or reload() is called. */
export function useApi<T>(
  path: string | null,
  { anonymous = false }: ReadOptions = {},
): Loaded<T> {
  return useLoad(
    (signal) => api<T>(path ?? "", { signal, anonymous }),
    path === null ? null : `${anonymous ? "anonymous " : ""}${path}`,
  );
}

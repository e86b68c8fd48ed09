// One admin read with its loading and error state, and a way to put an edited answer in place.
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../../api/client";

export interface Load<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  set: (data: T) => void;
}

/** Runs `load` once (and on reload); `set` replaces the answer after an edit saved on the server. */
export function useLoad<T>(load: () => Promise<T>): Load<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    load()
      .then((answer) => {
        if (!live) return;
        setData(answer);
        setError(undefined);
      })
      .catch((failure: unknown) => {
        if (live && failure instanceof ApiError) setError(failure);
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [round]);

  return {
    data,
    error,
    loading,
    reload: () => setRound((n) => n + 1),
    set: setData,
  };
}

// Loads the dashboard and reloads it every few seconds without blanking it: the last answer stays
// on screen until the next one has fully arrived, and a failed refresh keeps it too.
import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import { t } from "../../i18n";
import { type Dashboard, type Scope, loadDashboard, scopeQuery } from "./api";

export interface Live {
  data: Dashboard | undefined;
  /** The last refresh's failure, cleared by the next success. */
  error: ApiError | undefined;
  updatedAt: Date | undefined;
  loading: boolean;
  /** Counts the refreshes started, so that the map reloads its points with the rest. */
  tick: number;
  reload: () => void;
}

export function useDashboard(scope: Scope, seconds: number): Live {
  const [data, setData] = useState<Dashboard | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [updatedAt, setUpdatedAt] = useState<Date | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const [manual, setManual] = useState(0);
  const key = scopeQuery(scope);

  useEffect(() => {
    let timer: number | undefined;
    let controller: AbortController | undefined;
    const run = () => {
      const current = new AbortController();
      controller = current;
      setLoading(true);
      setTick((n) => n + 1);
      loadDashboard(scope, current.signal)
        .then((answer) => {
          setData(answer);
          setError(undefined);
          setUpdatedAt(new Date());
        })
        .catch((failure: unknown) => {
          if (current.signal.aborted) return;
          setError(
            failure instanceof ApiError
              ? failure
              : new ApiError(0, t("error.generic")),
          );
        })
        .finally(() => {
          if (current.signal.aborted) return;
          setLoading(false);
          // The next round is timed from the end of this one, so slow answers never pile up.
          timer = window.setTimeout(run, seconds * 1000);
        });
    };
    run();
    return () => {
      window.clearTimeout(timer);
      controller?.abort();
    };
  }, [key, seconds, manual]);

  const reload = useCallback(() => setManual((n) => n + 1), []);
  return { data, error, updatedAt, loading, tick, reload };
}

// The composer's live count: how many devices the chosen target reaches now, asked again
// (debounced, the previous question cancelled) whenever the target changes.
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../../../api/client";
import { type Target, isComplete, previewCount } from "./api";

const DEBOUNCE_MS = 350;

interface TargetCount {
  count: number | null;
  loading: boolean;
  error: ApiError | null;
}

export function useTargetCount(target: Target): TargetCount {
  const [state, setState] = useState<TargetCount>({
    count: null,
    loading: false,
    error: null,
  });
  const key = `${target.kind}:${target.values.join(",")}`;

  useEffect(() => {
    if (!isComplete(target)) {
      setState({ count: null, loading: false, error: null });
      return;
    }
    setState((before) => ({ ...before, loading: true }));
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      previewCount(target, controller.signal)
        .then((count) => setState({ count, loading: false, error: null }))
        .catch((failure: unknown) => {
          if (failure instanceof ApiError)
            setState({ count: null, loading: false, error: failure });
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
    // The key stands for the target: a new array with the same codes is the same question.
  }, [key]);

  return state;
}

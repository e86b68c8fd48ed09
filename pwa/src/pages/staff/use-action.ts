// Running one staff action: busy while it runs, the server's error kept for the form, and a 409
// (someone else changed the request first) handed to the page, which shows it and reloads.
import { useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import { t } from "../../i18n";

export type ConflictHandler = (error: ApiError) => void;

export function useAction(onConflict: ConflictHandler) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  /** The call's answer, or undefined when it failed (what was typed stays in the form). */
  async function run<T>(call: () => Promise<T>): Promise<T | undefined> {
    if (busy) return undefined;
    setBusy(true);
    setError(undefined);
    try {
      return await call();
    } catch (failure) {
      const problem =
        failure instanceof ApiError
          ? failure
          : new ApiError(0, t("error.generic"));
      if (problem.status === 409) onConflict(problem);
      else setError(problem);
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, run };
}

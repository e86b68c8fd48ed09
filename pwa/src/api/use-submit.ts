// Sending a form: busy while the call runs, the server's error kept for the fields and the note,
// and what the person typed never touched here (the form keeps it on a failure).
import { useState } from "preact/hooks";
import { t } from "../i18n";
import { ApiError } from "./client";

/** Called instead of showing a 409 (someone else changed it first): the page explains and reloads. */
export type ConflictHandler = (error: ApiError) => void;

export function useSubmit(onConflict?: ConflictHandler) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  /** The call's answer, or undefined when it failed; a call that answers nothing does its
   * follow-up inside `call`. */
  async function submit<T>(call: () => Promise<T>): Promise<T | undefined> {
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
      if (problem.status === 409 && onConflict) onConflict(problem);
      else setError(problem);
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, submit };
}

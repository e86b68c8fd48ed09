// Sending a form: busy while the call runs, the server's error kept for the fields and the note.
import { useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import { t } from "../../i18n";

export function useSubmit() {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  /** Runs `call`; true when it succeeded. What the person typed is never touched here. */
  async function submit(call: () => Promise<unknown>): Promise<boolean> {
    if (sending) return false;
    setSending(true);
    setError(undefined);
    try {
      await call();
      return true;
    } catch (failure) {
      setError(
        failure instanceof ApiError
          ? failure
          : new ApiError(0, t("error.generic")),
      );
      return false;
    } finally {
      setSending(false);
    }
  }

  return { sending, error, setError, submit };
}

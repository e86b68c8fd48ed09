// The reporter reopens a resolved request (within 7 days), saying why.
import { useState } from "preact/hooks";
import { type ServiceRequest, reopenRequest } from "../../api/requests";
import { useSubmit } from "../../api/use-submit";
import { TextField } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { useStoredText } from "./use-stored-text";

interface Props {
  request: ServiceRequest;
  onReopened: (request: ServiceRequest) => void;
}

export function ReopenForm({ request, onReopened }: Props) {
  const [reason, setReason] = useStoredText(`reopen.${request.code}`);
  const [short, setShort] = useState(false);
  const { busy, error, submit } = useSubmit();

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const text = reason.trim();
    setShort(text.length < 3);
    if (text.length < 3) return;
    const reopened = await submit(() => reopenRequest(request.code, text));
    if (reopened) {
      setReason("");
      onReopened(reopened);
    }
  };

  const reasonError = short
    ? t("requests.reopen.required")
    : error?.field("reason");

  return (
    <section class="card" aria-labelledby="buka-kembali">
      <h2 id="buka-kembali">{t("requests.reopen.title")}</h2>
      <p>{t("requests.reopen.text")}</p>
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id="alasan"
          label={t("requests.reopen.reason")}
          error={reasonError}
          required
          multiline
          maxLength={2000}
          value={reason}
          onInput={setReason}
        />
        <ErrorNote error={error?.field("reason") ? undefined : error} />
        <button type="submit" class="btn btn-danger" disabled={busy}>
          {busy ? t("requests.sending") : t("requests.reopen.submit")}
        </button>
      </form>
    </section>
  );
}

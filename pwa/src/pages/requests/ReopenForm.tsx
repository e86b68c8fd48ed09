// The reporter reopens a resolved request (within 7 days), saying why.
import { useState } from "preact/hooks";
import { type ServiceRequest, reopenRequest } from "../../api/requests";
import { Field, describedBy } from "../../components/Field";
import { t } from "../../i18n";
import { useStoredText } from "./use-stored-text";
import { useSubmit } from "./use-submit";

interface Props {
  request: ServiceRequest;
  onReopened: (request: ServiceRequest) => void;
}

export function ReopenForm({ request, onReopened }: Props) {
  const [reason, setReason] = useStoredText(`reopen.${request.code}`);
  const [short, setShort] = useState(false);
  const { sending, error, submit } = useSubmit();

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const text = reason.trim();
    setShort(text.length < 3);
    if (text.length < 3) return;
    let reopened: ServiceRequest | undefined;
    const ok = await submit(async () => {
      reopened = await reopenRequest(request.code, text);
    });
    if (ok && reopened) {
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
        <Field
          id="alasan"
          label={t("requests.reopen.reason")}
          error={reasonError}
          required
        >
          <textarea
            id="alasan"
            rows={3}
            maxLength={2000}
            required
            value={reason}
            onInput={(event) => setReason(event.currentTarget.value)}
            aria-describedby={describedBy("alasan", reasonError)}
            aria-invalid={reasonError ? true : undefined}
          />
        </Field>
        {error && !error.field("reason") ? (
          <p class="error-note" role="alert">
            {error.message}
          </p>
        ) : null}
        <button type="submit" class="btn btn-danger" disabled={sending}>
          {sending ? t("requests.sending") : t("requests.reopen.submit")}
        </button>
      </form>
    </section>
  );
}

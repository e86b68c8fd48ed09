// "Tolak": an incident is dismissed only with a reason, asked for in a small form under the button.
import { useState } from "preact/hooks";
import { useSubmit } from "../../api/use-submit";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { dismissIncident } from "./incidents-api";

export function DismissForm({
  id,
  onDone,
}: {
  id: number;
  onDone: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const { busy, error, submit } = useSubmit();
  const field = `cc-dismiss-${id}`;

  if (!open)
    return (
      <button type="button" class="btn btn-small" onClick={() => setOpen(true)}>
        {t("command.incidents.dismiss")}
      </button>
    );

  const send = async (event: Event) => {
    event.preventDefault();
    const done = await submit(() => dismissIncident(id, reason.trim()));
    if (done !== undefined) onDone();
  };
  return (
    <form class="stack cc-dismiss" onSubmit={(event) => void send(event)}>
      <label for={field}>{t("command.incidents.dismissReason")}</label>
      <textarea
        id={field}
        required
        maxLength={300}
        rows={2}
        value={reason}
        onInput={(event) => setReason(event.currentTarget.value)}
      />
      <div class="cc-actions">
        <button
          type="submit"
          class="btn btn-small"
          disabled={busy || !reason.trim()}
        >
          {t("command.incidents.dismissSend")}
        </button>
        <button
          type="button"
          class="btn btn-small"
          onClick={() => setOpen(false)}
        >
          {t("command.incidents.cancel")}
        </button>
      </div>
      <ErrorNote error={error} />
    </form>
  );
}

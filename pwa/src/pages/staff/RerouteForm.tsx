// Sending the request to the agency that should handle it, with the reason on its timeline.
import { useOpds } from "../../api/places";
import { useState } from "preact/hooks";
import type { Opd } from "../../api/places";
import type { ServiceRequest } from "../../api/requests";
import { type ConflictHandler, useSubmit } from "../../api/use-submit";
import { SelectField, TextField } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { reroute } from "./api";

interface Props {
  request: ServiceRequest;
  onDone: (changed: ServiceRequest, opd: Opd) => void;
  onConflict: ConflictHandler;
}

export function RerouteForm({ request, onDone, onConflict }: Props) {
  const [open, setOpen] = useState(false);
  const [opd, setOpd] = useState("");
  const [reason, setReason] = useState("");
  const opds = useOpds(open);
  const action = useSubmit(onConflict);
  const opdError = action.error?.field("opd");
  const reasonError = action.error?.field("reason");
  const choices = (opds.data ?? []).filter(
    (item) => item.is_active && item.code !== request.opd.code,
  );

  async function submit(event: Event) {
    event.preventDefault();
    const target = choices.find((item) => item.code === opd);
    const changed = await action.submit(() =>
      reroute(request.code, opd, reason.trim()),
    );
    if (changed && target) onDone(changed, target);
  }

  return (
    <section class="staff-reroute" aria-labelledby="alihkan">
      <h2 id="alihkan">{t("staff.reroute.title")}</h2>
      {!open ? (
        <button
          type="button"
          class="btn"
          aria-expanded="false"
          onClick={() => setOpen(true)}
        >
          {t("staff.reroute.open")}
        </button>
      ) : (
        <form class="staff-form" onSubmit={submit} noValidate>
          {opds.loading && !opds.data ? (
            <p class="muted">{t("common.loading")}</p>
          ) : null}
          <ErrorNote error={opds.error} />
          <SelectField
            id="reroute-opd"
            label={t("staff.reroute.opd")}
            error={opdError}
            required
            value={opd}
            onChange={setOpd}
            blank={t("staff.reroute.choose")}
          >
            {choices.map((item) => (
              <option key={item.code} value={item.code}>
                {item.name}
              </option>
            ))}
          </SelectField>
          <TextField
            id="reroute-reason"
            label={t("staff.reroute.reason")}
            hint={t("staff.reroute.reasonHint")}
            error={reasonError}
            required
            multiline
            maxLength={1000}
            value={reason}
            onInput={setReason}
          />
          <ErrorNote
            error={opdError || reasonError ? undefined : action.error}
          />
          <div class="row">
            <button
              type="submit"
              class="btn btn-primary"
              disabled={action.busy || !opd}
            >
              {action.busy
                ? t("staff.work.sending")
                : t("staff.reroute.submit")}
            </button>
            <button type="button" class="btn" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

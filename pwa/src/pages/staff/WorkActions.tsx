// The moves the server allows for this request right now (viewer.allowed_transitions), and no other.
import { useState } from "preact/hooks";
import type { RequestStatus, ServiceRequest } from "../../api/requests";
import { type ConflictHandler, useSubmit } from "../../api/use-submit";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { changeStatus } from "./api";
import { TransitionForm } from "./TransitionForm";

interface Props {
  request: ServiceRequest;
  onDone: (changed: ServiceRequest) => void;
  onConflict: ConflictHandler;
}

type Worded = "resolved" | "rejected";
const needsWords = (to: RequestStatus): to is Worded =>
  to === "resolved" || to === "rejected";

function style(to: RequestStatus): string {
  if (to === "rejected") return "btn btn-danger";
  return to === "closed" ? "btn" : "btn btn-primary";
}

export function WorkActions({ request, onDone, onConflict }: Props) {
  const [form, setForm] = useState<Worded | null>(null);
  const action = useSubmit(onConflict);
  const allowed = request.viewer.allowed_transitions;

  async function move(to: RequestStatus) {
    const changed = await action.submit(() =>
      changeStatus(request.code, to, null),
    );
    if (changed) onDone(changed);
  }

  return (
    <section class="staff-actions" aria-labelledby="tindakan">
      <h2 id="tindakan">{t("staff.work.actions")}</h2>
      {allowed.length ? (
        <div class="row">
          {allowed.map((to) =>
            needsWords(to) ? (
              <button
                key={to}
                type="button"
                class={style(to)}
                aria-expanded={form === to}
                aria-controls={`form-${to}`}
                onClick={() => setForm(form === to ? null : to)}
              >
                {t(`staff.action.${to}`)}
              </button>
            ) : (
              <button
                key={to}
                type="button"
                class={style(to)}
                disabled={action.busy}
                onClick={() => void move(to)}
              >
                {t(`staff.action.${to}`)}
              </button>
            ),
          )}
        </div>
      ) : (
        <p class="muted">{t("staff.work.noActions")}</p>
      )}
      <ErrorNote error={action.error} />
      {form && allowed.includes(form) ? (
        <TransitionForm
          key={form}
          request={request}
          to={form}
          onDone={(changed) => {
            setForm(null);
            onDone(changed);
          }}
          onCancel={() => setForm(null)}
          onConflict={onConflict}
        />
      ) : null}
    </section>
  );
}

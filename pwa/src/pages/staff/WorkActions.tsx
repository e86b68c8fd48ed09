// The moves the server allows for this request right now (viewer.allowed_transitions), and no other.
// One-tap moves carry an optional message for the resident (their timeline and their phone) and
// wait a few seconds, with an undo, before they are sent.
import { useState } from "preact/hooks";
import type { RequestStatus, ServiceRequest } from "../../api/requests";
import { type ConflictHandler, useSubmit } from "../../api/use-submit";
import { Field, describedBy } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { changeStatus } from "./api";
import { TransitionForm } from "./TransitionForm";
import { UNDO_SECONDS, useUndoWindow } from "./use-undo-window";

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

interface Move {
  to: RequestStatus;
  message: string | null;
}

export function WorkActions({ request, onDone, onConflict }: Props) {
  const [form, setForm] = useState<Worded | null>(null);
  const [message, setMessage] = useState("");
  const [undone, setUndone] = useState(false);
  const action = useSubmit(onConflict);
  const allowed = request.viewer.allowed_transitions;
  const oneTap = allowed.filter((to) => !needsWords(to));
  const code = request.code;
  const held = useUndoWindow<Move>((move) => {
    void action
      .submit(() => changeStatus(code, move.to, move.message))
      .then((changed) => {
        if (!changed) return;
        setMessage("");
        onDone(changed);
      });
  });

  function move(to: RequestStatus) {
    setUndone(false);
    held.hold({ to, message: message.trim() || null });
  }

  function undo() {
    held.undo();
    setUndone(true);
  }

  const pending = held.pending;
  const busy = action.busy || pending !== null;
  return (
    <section class="staff-actions" aria-labelledby="tindakan">
      <h2 id="tindakan">{t("staff.work.actions")}</h2>
      {oneTap.length ? (
        <Field
          id="transition-message"
          label={t("staff.work.message")}
          hint={t("staff.work.messageHint")}
        >
          <textarea
            id="transition-message"
            value={message}
            maxLength={4000}
            rows={2}
            disabled={busy}
            aria-describedby={describedBy(
              "transition-message",
              undefined,
              "hint",
            )}
            onInput={(event) => setMessage(event.currentTarget.value)}
          />
        </Field>
      ) : null}
      {allowed.length ? (
        <div class="row">
          {allowed.map((to) =>
            needsWords(to) ? (
              <button
                key={to}
                type="button"
                class={style(to)}
                disabled={busy}
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
                disabled={busy}
                onClick={() => move(to)}
              >
                {t(`staff.action.${to}`)}
              </button>
            ),
          )}
        </div>
      ) : (
        <p class="muted">{t("staff.work.noActions")}</p>
      )}
      <div role="status" aria-live="polite" class="staff-undo">
        {pending ? (
          <p class="notice">
            {t("staff.work.pending", {
              status: t(`status.${pending.to}`),
              seconds: UNDO_SECONDS,
            })}{" "}
            <span class="row">
              <button type="button" class="btn btn-small" onClick={undo}>
                {t("staff.work.undo")}
              </button>
              <button
                type="button"
                class="btn btn-small"
                onClick={held.release}
              >
                {t("staff.work.sendNow")}
              </button>
            </span>
          </p>
        ) : undone ? (
          <p class="notice">{t("staff.work.undone")}</p>
        ) : null}
      </div>
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

// Resolving (what was done, an optional "after" photo) or rejecting (why; optionally the original
// it duplicates): the two moves that need words the reporter will read.
import { useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import type { ServiceRequest } from "../../api/requests";
import { type ConflictHandler, useSubmit } from "../../api/use-submit";
import { Field, TextField, describedBy } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { changeStatus } from "./api";

interface Props {
  request: ServiceRequest;
  to: "resolved" | "rejected";
  onDone: (changed: ServiceRequest) => void;
  onCancel: () => void;
  onConflict: ConflictHandler;
}

export function TransitionForm({
  request,
  to,
  onDone,
  onCancel,
  onConflict,
}: Props) {
  const [note, setNote] = useState("");
  const [photo, setPhoto] = useState<File | null>(null);
  const [duplicate, setDuplicate] = useState(false);
  const [original, setOriginal] = useState("");
  const action = useSubmit(onConflict);
  const id = `form-${to}`;
  const noteError = action.error?.field("note");
  const photoError = action.error?.field("photo");
  const originalError = action.error?.field("duplicate_of");

  async function submit(event: Event) {
    event.preventDefault();
    const missing: Record<string, string[]> = {};
    if (!note.trim()) missing.note = [t("staff.work.required")];
    if (to === "rejected" && duplicate && !original.trim())
      missing.duplicate_of = [t("staff.work.required")];
    if (Object.keys(missing).length) {
      action.setError(new ApiError(422, t("staff.work.checkFields"), missing));
      return;
    }
    const changed = await action.submit(() =>
      changeStatus(request.code, to, note.trim(), {
        photo: to === "resolved" ? photo : null,
        duplicateOf:
          to === "rejected" && duplicate ? original.trim().toUpperCase() : null,
      }),
    );
    if (changed) onDone(changed);
  }

  return (
    <form id={id} class="card staff-form" onSubmit={submit} noValidate>
      <h3>{t(`staff.work.${to}.title`)}</h3>
      <Field
        id={`${id}-note`}
        label={t(`staff.work.${to}.note`)}
        hint={t(`staff.work.${to}.noteHint`)}
        error={noteError}
        required
      >
        <textarea
          id={`${id}-note`}
          value={note}
          required
          maxLength={4000}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={describedBy(`${id}-note`, noteError, "hint")}
          onInput={(event) => setNote(event.currentTarget.value)}
          autoFocus
        />
      </Field>
      {to === "resolved" ? (
        <Field
          id={`${id}-photo`}
          label={t("staff.work.resolved.photo")}
          hint={t("staff.work.resolved.photoHint")}
          error={photoError}
        >
          <input
            id={`${id}-photo`}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-describedby={describedBy(`${id}-photo`, photoError, "hint")}
            onChange={(event) =>
              setPhoto(event.currentTarget.files?.[0] ?? null)
            }
          />
        </Field>
      ) : (
        <>
          <label class="choice">
            <input
              type="checkbox"
              checked={duplicate}
              onChange={(event) => setDuplicate(event.currentTarget.checked)}
            />
            {t("staff.work.rejected.duplicate")}
          </label>
          {duplicate ? (
            <TextField
              id={`${id}-original`}
              label={t("staff.work.rejected.original")}
              hint={t("staff.work.rejected.originalHint")}
              error={originalError}
              required
              maxLength={16}
              value={original}
              onInput={setOriginal}
            />
          ) : null}
        </>
      )}
      <ErrorNote
        error={
          noteError || photoError || originalError ? undefined : action.error
        }
      />
      <div class="row">
        <button
          type="submit"
          class={to === "rejected" ? "btn btn-danger" : "btn btn-primary"}
          disabled={action.busy}
        >
          {action.busy ? t("staff.work.sending") : t(`staff.work.${to}.submit`)}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

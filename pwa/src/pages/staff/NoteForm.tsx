// An internal note: for the OPD's own record, never shown to the reporter or the public.
import { useState } from "preact/hooks";
import { Field, describedBy } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { addNote } from "./api";
import { type ConflictHandler, useAction } from "./use-action";

interface Props {
  code: string;
  onDone: () => void;
  onConflict: ConflictHandler;
}

export function NoteForm({ code, onDone, onConflict }: Props) {
  const [text, setText] = useState("");
  const action = useAction(onConflict);
  const error = action.error?.field("text");

  async function submit(event: Event) {
    event.preventDefault();
    if (!text.trim()) return;
    if (await action.run(() => addNote(code, text.trim()))) {
      setText("");
      onDone();
    }
  }

  return (
    <form
      class="staff-form"
      onSubmit={submit}
      aria-labelledby="catatan-internal"
    >
      <h2 id="catatan-internal">{t("staff.note.title")}</h2>
      <Field
        id="note-text"
        label={t("staff.note.label")}
        hint={t("staff.note.hint")}
        error={error}
      >
        <textarea
          id="note-text"
          value={text}
          maxLength={2000}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy("note-text", error, "hint")}
          onInput={(event) => setText(event.currentTarget.value)}
        />
      </Field>
      {action.error && !error ? <ErrorNote error={action.error} /> : null}
      <button type="submit" class="btn" disabled={action.busy || !text.trim()}>
        {action.busy ? t("staff.work.sending") : t("staff.note.submit")}
      </button>
    </form>
  );
}

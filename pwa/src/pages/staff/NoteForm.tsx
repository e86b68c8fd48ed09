// An internal note: for the OPD's own record, never shown to the reporter or the public.
import { useState } from "preact/hooks";
import { type ConflictHandler, useSubmit } from "../../api/use-submit";
import { TextField } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { addNote } from "./api";

interface Props {
  code: string;
  onDone: () => void;
  onConflict: ConflictHandler;
}

export function NoteForm({ code, onDone, onConflict }: Props) {
  const [text, setText] = useState("");
  const action = useSubmit(onConflict);
  const error = action.error?.field("text");

  async function submit(event: Event) {
    event.preventDefault();
    if (!text.trim()) return;
    if (await action.submit(() => addNote(code, text.trim()))) {
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
      <TextField
        id="note-text"
        label={t("staff.note.label")}
        hint={t("staff.note.hint")}
        error={error}
        multiline
        maxLength={2000}
        value={text}
        onInput={setText}
      />
      <ErrorNote error={error ? undefined : action.error} />
      <button type="submit" class="btn" disabled={action.busy || !text.trim()}>
        {action.busy ? t("staff.work.sending") : t("staff.note.submit")}
      </button>
    </form>
  );
}

// A public comment on the request; logged-in people only. The text stays until the server took it.
import { useState } from "preact/hooks";
import { userStore } from "../../api/client";
import { addComment } from "../../api/requests";
import { useSubmit } from "../../api/use-submit";
import { TextField } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { useStore } from "../../store";
import { useStoredText } from "./use-stored-text";

interface Props {
  code: string;
  onSent: () => void;
}

export function CommentForm({ code, onSent }: Props) {
  const user = useStore(userStore);
  const [text, setText] = useStoredText(`comment.${code}`);
  const [missing, setMissing] = useState(false);
  const [sent, setSent] = useState(false);
  const { busy, error, setError, submit } = useSubmit();

  if (!user) {
    return (
      <p>
        <a href={`/masuk?next=${encodeURIComponent(`/laporan/${code}`)}`}>
          {t("requests.comment.login")}
        </a>
      </p>
    );
  }

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    // One message at a time: a new try replaces what the last one said.
    setSent(false);
    if (!text.trim()) {
      setError(undefined);
      setMissing(true);
      return;
    }
    setMissing(false);
    if (await submit(() => addComment(code, text.trim()))) {
      setText("");
      setSent(true);
      onSent();
    }
  };

  const fieldError = missing
    ? t("requests.comment.required")
    : error?.field("text");

  return (
    <form class="comment-form" onSubmit={onSubmit} noValidate>
      <TextField
        id="komentar"
        label={t("requests.comment.label")}
        hint={t("requests.comment.hint")}
        error={fieldError}
        multiline
        maxLength={2000}
        value={text}
        onInput={(value) => {
          setText(value);
          setSent(false);
        }}
      />
      <ErrorNote error={error?.field("text") ? undefined : error} />
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {busy ? t("requests.sending") : t("requests.comment.submit")}
      </button>
      <p class="comment-sent" role="status">
        {sent ? t("requests.comment.sent") : ""}
      </p>
    </form>
  );
}

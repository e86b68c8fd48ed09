// Hiding an item from the public (with a reason where the server keeps one) or showing it again.
import { useEffect, useRef, useState } from "preact/hooks";
import { useSubmit } from "../../api/use-submit";
import { TextField } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import type { Moderation } from "./api";

interface Props {
  id: string;
  hidden: boolean;
  /** What is moderated, for the buttons' accessible names ("laporan BPN-123"). */
  what: string;
  /** Requests and articles keep a reason; comments do not. */
  withReason: boolean;
  onModerate: (body: Moderation) => Promise<void>;
}

export function HideControl({
  id,
  hidden,
  what,
  withReason,
  onModerate,
}: Props) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const { busy, error, submit } = useSubmit();
  const input = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (asking) input.current?.querySelector("input")?.focus();
  }, [asking]);

  const send = (body: Moderation) =>
    submit(async () => {
      await onModerate(body);
      setAsking(false);
      setReason("");
      window.setTimeout(() => document.getElementById(`${id}-toggle`)?.focus());
    });

  if (hidden)
    return (
      <div class="admin-moderate">
        <button
          id={`${id}-toggle`}
          type="button"
          class="btn btn-small"
          disabled={busy}
          aria-label={t("admin.moderation.showOne", { what })}
          onClick={() => void send({ hidden: false })}
        >
          {t("admin.moderation.show")}
        </button>
        <ErrorNote error={error} />
      </div>
    );

  if (!asking)
    return (
      <div class="admin-moderate">
        <button
          id={`${id}-toggle`}
          type="button"
          class="btn btn-small btn-danger"
          aria-label={t("admin.moderation.hideOne", { what })}
          onClick={() =>
            withReason ? setAsking(true) : void send({ hidden: true })
          }
        >
          {t("admin.moderation.hide")}
        </button>
        <ErrorNote error={error} />
      </div>
    );

  return (
    <form
      class="admin-moderate"
      noValidate
      aria-label={t("admin.moderation.hideOne", { what })}
      onSubmit={(event) => {
        event.preventDefault();
        void send({ hidden: true, reason: reason.trim() || null });
      }}
    >
      <div ref={input}>
        <TextField
          id={`${id}-reason`}
          label={t("admin.moderation.reason")}
          hint={t("admin.moderation.reasonHint")}
          maxLength={300}
          value={reason}
          error={error?.field("reason")}
          onInput={setReason}
        />
      </div>
      <ErrorNote error={error} />
      <div class="row">
        <button type="submit" class="btn btn-small btn-danger" disabled={busy}>
          {t("admin.moderation.confirmHide")}
        </button>
        <button
          type="button"
          class="btn btn-small"
          onClick={() => {
            setAsking(false);
            window.setTimeout(() =>
              document.getElementById(`${id}-toggle`)?.focus(),
            );
          }}
        >
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

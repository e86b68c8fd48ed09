// While a report is being sent, or waits in the outbox: its progress, its state, and what to do.
// It follows the outbox, so a report the flusher or the worker sends later turns into the receipt.
import { useEffect, useRef } from "preact/hooks";
import { t } from "../../i18n";
import { onlineStore } from "../../offline/network";
import { type Receipt, flushOutbox, outboxStore } from "../../offline/outbox";
import { useStore } from "../../store";

interface Props {
  outboxKey: string;
  onSent: (receipt: Receipt) => void;
  onAnother: () => void;
}

export function QueuedScreen({ outboxKey, onSent, onAnother }: Props) {
  const view = useStore(outboxStore);
  const online = useStore(onlineStore);
  const heading = useRef<HTMLHeadingElement>(null);
  const entry = view.entries.find((item) => item.key === outboxKey);
  const receipt = view.receipts.find((item) => item.key === outboxKey);
  const progress = view.sending[outboxKey];

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (receipt) onSent(receipt);
  }, [receipt, onSent]);

  let state = t("outbox.state.waiting");
  let body = t("report.queued.waiting");
  if (progress !== undefined) {
    state = t("outbox.state.sending");
    body = t("report.queued.sending");
  } else if (entry?.state === "needs_fix") {
    state = t("outbox.state.needsFix");
    body = entry.message ?? t("report.refused");
  } else if (entry?.state === "login") {
    state = t("outbox.state.login");
    body = t("report.queued.login");
  }

  return (
    <section class="stack report-outcome" aria-labelledby="queued-title">
      <h1 id="queued-title" ref={heading} tabIndex={-1}>
        {t("report.queued.title")}
      </h1>
      <div role="status" aria-live="polite" class="stack">
        <p class="queued-state">
          <strong>{state}</strong>
        </p>
        <p>{body}</p>
      </div>
      {progress !== undefined ? (
        <progress
          class="upload-progress"
          max={1}
          value={progress}
          aria-label={t("report.queued.progress")}
        />
      ) : null}
      <div class="row">
        {entry?.state === "needs_fix" ? (
          <a
            class="btn btn-primary"
            href={`/lapor?perbaiki=${encodeURIComponent(outboxKey)}`}
          >
            {t("outbox.fix")}
          </a>
        ) : null}
        {entry?.state === "login" ? (
          <a class="btn btn-primary" href="/masuk?next=/lapor">
            {t("outbox.logIn")}
          </a>
        ) : null}
        {entry?.state === "waiting" && progress === undefined && online ? (
          <button
            type="button"
            class="btn btn-primary"
            onClick={() => void flushOutbox()}
          >
            {t("outbox.sendNow")}
          </button>
        ) : null}
        <a class="btn" href="/laporan-saya">
          {t("report.queued.mine")}
        </a>
        <button type="button" class="btn" onClick={onAnother}>
          {t("report.another")}
        </button>
      </div>
    </section>
  );
}

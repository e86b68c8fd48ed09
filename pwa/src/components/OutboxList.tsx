// Reports still on this device: waiting for a connection, being sent, refused and needing a fix,
// or waiting for their reporter to log in; then, under their own heading, the receipts of those
// that arrived meanwhile.
import type { VNode } from "preact";
import { useEffect, useState } from "preact/hooks";
import { localized } from "../api/catalog";
import { trackingLink } from "../api/filing";
import { formatDateTime, t } from "../i18n";
import "../offline/i18n";
import { onlineStore } from "../offline/network";
import {
  type OutboxEntry,
  type Receipt,
  dismissReceipt,
  flushOutbox,
  outboxStore,
  refreshOutbox,
  removeEntry,
} from "../offline/outbox";
import { CopyLink } from "../pages/report/CopyLink";
import { useStore } from "../store";
import "./OutboxList.css";

function stateLabel(entry: OutboxEntry, sending: boolean): string {
  if (sending) return t("outbox.state.sending");
  if (entry.state === "needs_fix") return t("outbox.state.needsFix");
  if (entry.state === "login") return t("outbox.state.login");
  return t("outbox.state.waiting");
}

function EntryItem({ entry }: { entry: OutboxEntry }) {
  const progress = useStore(outboxStore).sending[entry.key];
  const online = useStore(onlineStore);
  const [confirming, setConfirming] = useState(false);
  const sending = progress !== undefined;
  const badge =
    entry.state === "needs_fix" ? "badge badge-rejected" : "badge badge-due";
  return (
    <li class="card outbox-item">
      <h3>{localized(entry.serviceName)}</h3>
      <p class="muted">
        {formatDateTime(new Date(entry.createdAt).toISOString())}
      </p>
      <p>
        <span class={badge}>{stateLabel(entry, sending)}</span>
      </p>
      {sending ? (
        <progress max={1} value={progress} aria-label={t("outbox.progress")} />
      ) : null}
      {entry.state === "needs_fix" ? (
        <p class="field-error">{entry.message ?? t("outbox.refused")}</p>
      ) : null}
      {entry.state === "login" ? (
        <p>{t("outbox.loginAs", { name: entry.userName ?? "" })}</p>
      ) : null}
      <div class="row">
        {entry.state === "needs_fix" ? (
          <a
            class="btn btn-primary btn-small"
            href={`/lapor?perbaiki=${encodeURIComponent(entry.key)}`}
          >
            {t("outbox.fix")}
          </a>
        ) : null}
        {entry.state === "login" ? (
          <a class="btn btn-primary btn-small" href="/masuk?next=/laporan-saya">
            {t("outbox.logIn")}
          </a>
        ) : null}
        {entry.state === "waiting" && online && !sending ? (
          <button
            type="button"
            class="btn btn-small"
            onClick={() => void flushOutbox()}
          >
            {t("outbox.sendNow")}
          </button>
        ) : null}
        {confirming ? (
          <>
            <button
              type="button"
              class="btn btn-small btn-danger"
              onClick={() => void removeEntry(entry.key)}
            >
              {t("outbox.confirmDelete")}
            </button>
            <button
              type="button"
              class="btn btn-small"
              onClick={() => setConfirming(false)}
            >
              {t("outbox.keep")}
            </button>
          </>
        ) : (
          <button
            type="button"
            class="btn btn-small btn-danger"
            disabled={sending}
            onClick={() => setConfirming(true)}
          >
            {t("outbox.delete")}
          </button>
        )}
      </div>
    </li>
  );
}

function ReceiptItem({ receipt }: { receipt: Receipt }) {
  const code = encodeURIComponent(receipt.code);
  const href = receipt.token
    ? `/laporan/${code}?token=${encodeURIComponent(receipt.token)}`
    : `/laporan/${code}`;
  return (
    <li class="card outbox-item">
      <h3>{localized(receipt.serviceName)}</h3>
      <p>
        <span class="badge badge-ok">{t("outbox.state.sent")}</span>{" "}
        <a href={href}>{receipt.code}</a>
      </p>
      {receipt.token ? (
        <CopyLink
          id={`receipt-${receipt.key}`}
          label={t("outbox.trackingLink")}
          url={trackingLink(receipt.code, receipt.token)}
        />
      ) : null}
      <button
        type="button"
        class="btn btn-small"
        onClick={() => void dismissReceipt(receipt.key)}
      >
        {t("outbox.dismiss")}
      </button>
    </li>
  );
}

/** One headed part of the outbox; nothing when it has no items. */
function Part(props: { id: string; title: string; children: VNode[] }) {
  if (!props.children.length) return null;
  return (
    <section class="outbox" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <ul class="list" aria-live="polite">
        {props.children}
      </ul>
    </section>
  );
}

/** The outbox at the top of "my requests" (and of the report screen): what has not reached the
 * server yet, apart from the receipts of what has; each part only when it has something. */
export function OutboxList() {
  const view = useStore(outboxStore);
  useEffect(() => void refreshOutbox(), []);
  return (
    <>
      <Part id="outbox-title" title={t("outbox.title")}>
        {view.entries.map((entry) => (
          <EntryItem key={entry.key} entry={entry} />
        ))}
      </Part>
      <Part id="outbox-sent-title" title={t("outbox.sentTitle")}>
        {view.receipts.map((receipt) => (
          <ReceiptItem key={receipt.key} receipt={receipt} />
        ))}
      </Part>
    </>
  );
}

// After a report arrived: its tracking code, the way to follow it, and for an anonymous report
// the secret tracking link, which the server gives only with this answer.
import { useEffect, useRef } from "preact/hooks";
import { localized } from "../../api/catalog";
import { trackingLink } from "../../api/filing";
import { t } from "../../i18n";
import type { Receipt } from "../../offline/outbox";
import { CopyLink } from "./CopyLink";

interface Props {
  receipt: Receipt;
  onAnother: () => void;
}

export function SentScreen({ receipt, onAnother }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const code = encodeURIComponent(receipt.code);
  const page = receipt.token
    ? `/laporan/${code}?token=${encodeURIComponent(receipt.token)}`
    : `/laporan/${code}`;
  return (
    <section class="stack report-outcome" aria-labelledby="sent-title">
      <h1 id="sent-title" ref={heading} tabIndex={-1}>
        {t("report.sent.title")}
      </h1>
      <p>
        {t("report.sent.body", { service: localized(receipt.serviceName) })}
      </p>
      <p class="tracking-code">
        {t("report.sent.code")} <strong>{receipt.code}</strong>
      </p>
      {receipt.token ? (
        <>
          <p class="notice">{t("report.sent.keepLink")}</p>
          <CopyLink
            id="tracking-link"
            label={t("report.sent.link")}
            url={trackingLink(receipt.code, receipt.token)}
          />
        </>
      ) : null}
      <a class="btn btn-primary btn-big" href={page}>
        {t("report.sent.view")}
      </a>
      <button type="button" class="btn" onClick={onAnother}>
        {t("report.another")}
      </button>
    </section>
  );
}

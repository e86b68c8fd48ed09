// The delivery of the area alerts sent from an incident (operators and admins see it): devices
// targeted, sent, failed and still to send, read again with the rest of the page.
import { formatDateTime, formatNumber, t } from "../../i18n";
import type { AlertDelivery } from "./incidents-api";
import "./incident-tools.css";

const FIGURES = ["targeted", "sent", "failed", "pending"] as const;

/** True while an alert still has devices to reach: the page then reads again sooner. */
export function isDelivering(alerts: AlertDelivery[] = []): boolean {
  return alerts.some(
    (alert) =>
      alert.pending > 0 || ["scheduled", "sending"].includes(alert.status),
  );
}

export function AlertDeliveryPanel({ alerts }: { alerts: AlertDelivery[] }) {
  if (alerts.length === 0) return null;
  return (
    <section aria-labelledby="cc-delivery-title">
      <h2 id="cc-delivery-title">{t("command.incident.delivery.title")}</h2>
      {alerts.map((alert) => (
        <div class="stack" key={alert.campaign} data-campaign={alert.campaign}>
          <p>
            <strong>{alert.title}</strong>
            {" · "}
            {t(`command.incident.delivery.status.${alert.status}`)}
            {" · "}
            {formatDateTime(alert.created_at)}
          </p>
          <dl class="cc-delivery" aria-live="polite">
            {FIGURES.map((figure) => (
              <div key={figure} data-figure={figure}>
                <dt>{t(`command.incident.delivery.${figure}`)}</dt>
                <dd>{formatNumber(alert[figure])}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </section>
  );
}

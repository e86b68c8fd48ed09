// Roughly how the notification looks on a phone, so the admin sees a cut-off title before sending.
import { t } from "../../../i18n";

interface Props {
  title: string;
  body: string;
  url: string;
}

export function NotificationPreview({ title, body, url }: Props) {
  return (
    <figure class="campaign-preview">
      <figcaption>{t("campaign.preview")}</figcaption>
      <div class="campaign-preview-card">
        <img src="/icons/icon-192.png" alt="" width={40} height={40} />
        <div>
          <p class="campaign-preview-app">SatuPintu</p>
          <p class="campaign-preview-title">
            {title || t("campaign.previewNoTitle")}
          </p>
          <p class="campaign-preview-body">
            {body || t("campaign.previewNoBody")}
          </p>
          <p class="campaign-preview-url muted">
            {t("campaign.previewOpens", { url: url || "/" })}
          </p>
        </div>
      </div>
    </figure>
  );
}

// The latest push campaigns: how many were targeted, sent, failed and clicked, and the click rate.
import { Empty } from "../../components/Status";
import { formatDateTime, formatNumber, t } from "../../i18n";
import type { CampaignStat } from "./api";

export function CampaignPanel({ campaigns }: { campaigns: CampaignStat[] }) {
  if (campaigns.length === 0)
    return <Empty>{t("command.campaigns.empty")}</Empty>;
  return (
    // Focusable, so that a keyboard can scroll the table sideways on a phone.
    <div
      class="table-wrap"
      tabIndex={0}
      role="region"
      aria-label={t("command.campaigns.caption")}
    >
      <table class="cc-campaigns">
        <caption class="visually-hidden">
          {t("command.campaigns.caption")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("command.campaigns.campaign")}</th>
            <th scope="col" class="cc-num">
              {t("command.campaigns.targeted")}
            </th>
            <th scope="col" class="cc-num">
              {t("command.campaigns.sent")}
            </th>
            <th scope="col" class="cc-num">
              {t("command.campaigns.failed")}
            </th>
            <th scope="col" class="cc-num">
              {t("command.campaigns.clicked")}
            </th>
            <th scope="col" class="cc-num">
              {t("command.campaigns.ctr")}
            </th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <span class="cc-campaign-title">{c.title}</span>
                <span class="muted cc-campaign-meta">
                  {t(`command.campaigns.status.${c.status}`)} ·{" "}
                  {formatDateTime(c.created_at)}
                </span>
              </th>
              <td class="cc-num">{formatNumber(c.targeted)}</td>
              <td class="cc-num">{formatNumber(c.sent)}</td>
              <td class="cc-num">{formatNumber(c.failed)}</td>
              <td class="cc-num">{formatNumber(c.clicked)}</td>
              <td class="cc-num">
                {c.click_through === null
                  ? "—"
                  : `${formatNumber(c.click_through * 100, 1)}%`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// Recent push campaigns, newest first, each with its status and delivery counts.
import "./i18n";
import "./campaigns.css";
import { usePaged } from "../../../api/use-paged";
import { PagedStates } from "../../../components/PagedStates";
import { formatDateTime, formatNumber, t } from "../../../i18n";
import { type Campaign, listPath } from "./api";
import { CampaignStatusBadge } from "./CampaignStatusBadge";
import { targetLabel } from "./labels";
import { type Areas, useAreas } from "./use-areas";

const COUNTS = ["targeted", "sent", "failed", "gone", "clicked"] as const;

function CampaignItem({
  campaign,
  areas,
}: {
  campaign: Campaign;
  areas: Areas;
}) {
  const when =
    campaign.status === "scheduled" && campaign.scheduled_at
      ? t("campaign.scheduledFor", {
          time: formatDateTime(campaign.scheduled_at),
        })
      : formatDateTime(campaign.created_at);
  return (
    <li class="card campaign-item">
      <h2>
        <a href={`/admin/kampanye/${campaign.id}`}>{campaign.title}</a>
      </h2>
      <p class="row">
        <CampaignStatusBadge status={campaign.status} />
        <span class="muted">{when}</span>
      </p>
      <p class="muted">
        {targetLabel(campaign, areas.kecamatan, areas.kelurahan)}
      </p>
      <dl class="campaign-counts">
        {COUNTS.map((name) => (
          <div key={name}>
            <dt>{t(`campaign.counts.${name}`)}</dt>
            <dd>{formatNumber(campaign[name])}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

export function Campaigns() {
  const paged = usePaged<Campaign>(listPath);
  const areas = useAreas();
  return (
    <section>
      <div class="campaign-heading">
        <h1>{t("campaign.listTitle")}</h1>
        <a class="btn btn-primary" href="/admin/kampanye/baru">
          {t("campaign.new")}
        </a>
      </div>
      <PagedStates paged={paged} empty={t("campaign.empty")}>
        <ul class="list">
          {paged.items.map((campaign) => (
            <CampaignItem key={campaign.id} campaign={campaign} areas={areas} />
          ))}
        </ul>
      </PagedStates>
    </section>
  );
}

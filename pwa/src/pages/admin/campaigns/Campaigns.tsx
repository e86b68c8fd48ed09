// Recent push campaigns, newest first, each with its status and delivery counts.
import "./i18n";
import "./campaigns.css";
import { useEffect, useState } from "preact/hooks";
import { ApiError, type Page, api } from "../../../api/client";
import { useApi } from "../../../api/use-api";
import { Empty, ErrorNote, Loading } from "../../../components/Status";
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
  const first = useApi<Page<Campaign>>(listPath());
  const areas = useAreas();
  const [more, setMore] = useState<Campaign[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    setMore([]);
    setNext(first.data?.next ?? null);
  }, [first.data]);

  const loadMore = async () => {
    if (!next) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await api<Page<Campaign>>(listPath(next));
      setMore((before) => [...before, ...page.items]);
      setNext(page.next);
    } catch (failure) {
      if (failure instanceof ApiError) setMoreError(failure);
    } finally {
      setLoadingMore(false);
    }
  };

  const items = [...(first.data?.items ?? []), ...more];
  return (
    <section>
      <div class="campaign-heading">
        <h1>{t("campaign.listTitle")}</h1>
        <a class="btn btn-primary" href="/admin/kampanye/baru">
          {t("campaign.new")}
        </a>
      </div>
      {first.loading && !first.data ? <Loading /> : null}
      {first.error ? (
        <div class="stack">
          <ErrorNote error={first.error} />
          <button type="button" class="btn" onClick={first.reload}>
            {t("campaign.retry")}
          </button>
        </div>
      ) : null}
      {first.data && items.length === 0 ? (
        <Empty>{t("campaign.empty")}</Empty>
      ) : null}
      {items.length ? (
        <ul class="list">
          {items.map((campaign) => (
            <CampaignItem key={campaign.id} campaign={campaign} areas={areas} />
          ))}
        </ul>
      ) : null}
      <ErrorNote error={moreError} />
      {next ? (
        <p>
          <button
            type="button"
            class="btn"
            disabled={loadingMore}
            onClick={() => void loadMore()}
          >
            {loadingMore ? t("campaign.loading") : t("campaign.loadMore")}
          </button>
        </p>
      ) : null}
    </section>
  );
}

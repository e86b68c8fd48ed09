// One campaign as it goes out: status, a live delivery bar and counts, the click-through rate,
// what was sent to whom, and a way to stop it while it is scheduled or sending.
import "./i18n";
import "./campaigns.css";
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { useSubmit } from "../../../api/use-submit";
import { ErrorNote, Loading } from "../../../components/Status";
import { formatDateTime, formatNumber, t } from "../../../i18n";
import { type Campaign, cancelCampaign, handled, isActive } from "./api";
import { CampaignStatusBadge } from "./CampaignStatusBadge";
import { ConfirmDialog } from "./ConfirmDialog";
import { clickRate, targetLabel, ttlLabel } from "./labels";
import { useAreas } from "./use-areas";
import { useCampaign } from "./use-campaign";

function Progress({ campaign }: { campaign: Campaign }) {
  const done = handled(campaign);
  const planned = campaign.targeted > 0 || campaign.status !== "sending";
  const percent = campaign.targeted
    ? Math.round((done / campaign.targeted) * 100)
    : 0;
  return (
    <div class="campaign-progress">
      <label for="campaign-progress">{t("campaign.progress")}</label>
      <progress
        id="campaign-progress"
        max={Math.max(campaign.targeted, 1)}
        // Without a value the bar is "busy": the targets are still being counted.
        value={planned ? Math.min(done, campaign.targeted) : undefined}
        aria-describedby="campaign-progress-text"
      />
      <p id="campaign-progress-text">
        {campaign.status === "scheduled"
          ? t("campaign.notStarted")
          : campaign.status === "done" && campaign.targeted === 0
            ? t("campaign.noTargets")
            : t("campaign.progressText", {
                done: formatNumber(done),
                total: formatNumber(campaign.targeted),
                percent,
              })}
      </p>
    </div>
  );
}

function Counts({ campaign }: { campaign: Campaign }) {
  const rows: [string, string][] = [
    ["targeted", formatNumber(campaign.targeted)],
    ["sent", formatNumber(campaign.sent)],
    ["failed", formatNumber(campaign.failed)],
    ["gone", formatNumber(campaign.gone)],
    ["clicked", formatNumber(campaign.clicked)],
    ["rate", clickRate(campaign)],
  ];
  return (
    <dl class="campaign-counts campaign-counts-big">
      {rows.map(([name, value]) => (
        <div key={name}>
          <dt>{t(`campaign.counts.${name}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CampaignPage() {
  const { params } = useRoute();
  const id = params.id ?? "";
  const { campaign, error, replace } = useCampaign(id);
  const areas = useAreas();
  const [asking, setAsking] = useState(false);
  const cancelling = useSubmit();

  const cancel = async () => {
    if (!campaign) return;
    setAsking(false);
    const cancelled = await cancelling.submit(() =>
      cancelCampaign(campaign.id),
    );
    if (cancelled) replace(cancelled);
  };

  if (!campaign) {
    return (
      <section>
        <p>
          <a href="/admin/kampanye">{t("campaign.backToList")}</a>
        </p>
        {error ? <ErrorNote error={error} /> : <Loading />}
      </section>
    );
  }

  const facts: [string, string | null][] = [
    ["target", targetLabel(campaign, areas.kecamatan, areas.kelurahan)],
    ["urgency", t(`campaign.urgency.${campaign.urgency}`)],
    ["ttl", ttlLabel(campaign.ttl)],
    ["alert", campaign.is_alert ? t("campaign.fact.alertYes") : null],
    ["createdAt", formatDateTime(campaign.created_at)],
    [
      "scheduledAt",
      campaign.scheduled_at ? formatDateTime(campaign.scheduled_at) : null,
    ],
    [
      "startedAt",
      campaign.started_at ? formatDateTime(campaign.started_at) : null,
    ],
    [
      "finishedAt",
      campaign.finished_at ? formatDateTime(campaign.finished_at) : null,
    ],
  ];

  return (
    <section class="campaign-page">
      <p>
        <a href="/admin/kampanye">{t("campaign.backToList")}</a>
      </p>
      <h1>{campaign.title}</h1>
      <p class="campaign-status" role="status">
        {t("campaign.statusLabel")}{" "}
        <CampaignStatusBadge status={campaign.status} />
      </p>
      {/* A failed refresh keeps the last counts on screen, with the reason. */}
      <ErrorNote error={error} />
      <Progress campaign={campaign} />
      <Counts campaign={campaign} />
      {isActive(campaign.status) ? (
        <p>
          <button
            type="button"
            class="btn btn-danger"
            disabled={cancelling.busy}
            onClick={() => setAsking(true)}
          >
            {t("campaign.cancel")}
          </button>
        </p>
      ) : null}
      <ErrorNote error={cancelling.error} />

      <h2>{t("campaign.message")}</h2>
      <blockquote class="card campaign-message">
        <p>
          <strong>{campaign.title}</strong>
        </p>
        <p>{campaign.body}</p>
        {campaign.title_en || campaign.body_en ? (
          <div lang="en">
            <p>
              <strong>{campaign.title_en ?? campaign.title}</strong>
            </p>
            <p>{campaign.body_en ?? campaign.body}</p>
          </div>
        ) : null}
        <p>
          {t("campaign.opens")} <a href={campaign.url}>{campaign.url}</a>
        </p>
      </blockquote>
      <dl class="campaign-facts">
        {facts
          .filter(([, value]) => value !== null)
          .map(([name, value]) => (
            <div key={name}>
              <dt>{t(`campaign.fact.${name}`)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>

      <ConfirmDialog
        open={asking}
        danger
        title={t("campaign.cancelTitle")}
        confirm={t("campaign.cancelConfirm")}
        cancel={t("campaign.back")}
        onConfirm={() => void cancel()}
        onCancel={() => setAsking(false)}
      >
        <p>
          {campaign.status === "scheduled"
            ? t("campaign.cancelScheduled")
            : t("campaign.cancelSending")}
        </p>
      </ConfirmDialog>
    </section>
  );
}

// A campaign's status as a coloured badge (colour is never the only sign: the word is there).
import { t } from "../../../i18n";
import type { CampaignStatus } from "./api";

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return (
    <span class={`badge campaign-status-${status}`}>
      {t(`campaign.status.${status}`)}
    </span>
  );
}

// How campaign facts read on screen: lifetimes, targets, rates.
import type { Kecamatan, Kelurahan } from "../../../api/places";
import { formatNumber, t } from "../../../i18n";
import type { Campaign } from "./api";

export function ttlLabel(seconds: number): string {
  if (seconds % 86400 === 0 && seconds > 0)
    return t("campaign.ttlDays", { n: seconds / 86400 });
  if (seconds % 3600 === 0 && seconds > 0)
    return t("campaign.ttlHours", { n: seconds / 3600 });
  return t("campaign.ttlSeconds", { n: formatNumber(seconds) });
}

/** "Kelurahan: Manggar, Baru Ilir", with names where the codes are known. */
export function targetLabel(
  campaign: Pick<Campaign, "target_kind" | "target_values">,
  kecamatan: Kecamatan[] = [],
  kelurahan: Kelurahan[] = [],
): string {
  const kind = t(`campaign.kind.${campaign.target_kind}`);
  if (campaign.target_kind === "all") return kind;
  const names = campaign.target_values.map((code) => {
    if (campaign.target_kind === "topic") return t(`campaign.topic.${code}`);
    const places: { code: string; name: string }[] =
      campaign.target_kind === "kecamatan" ? kecamatan : kelurahan;
    return places.find((place) => place.code === code)?.name ?? code;
  });
  return `${kind}: ${names.join(", ")}`;
}

/** Taps per delivered message, as a percentage (none before anything was delivered). */
export function clickRate(campaign: Campaign): string {
  if (!campaign.sent) return t("campaign.rateNone");
  return `${formatNumber((campaign.clicked / campaign.sent) * 100, 1)}%`;
}

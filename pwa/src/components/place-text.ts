// A report's place as a resident reads it: the address they typed, the kelurahan and the kecamatan.
// Coordinates mean nothing to most people, so a point on the map is only said to be there.
import { t } from "../i18n";

interface PlaceParts {
  address?: string | null;
  kelurahan?: string | null;
  kecamatan?: string | null;
  /** Whether a point was marked on the map. */
  pinned?: boolean;
}

/** "Jl. Mulawarman, Kel. Manggar, Kec. Balikpapan Timur"; "" when nothing is known. */
export function placeText({
  address,
  kelurahan,
  kecamatan,
  pinned = false,
}: PlaceParts): string {
  const parts = [
    address?.trim(),
    kelurahan ? t("place.kelurahan", { name: kelurahan }) : "",
    kecamatan ? t("place.kecamatan", { name: kecamatan }) : "",
  ].filter(Boolean);
  if (parts.length) return parts.join(", ");
  return pinned ? t("place.pinned") : "";
}

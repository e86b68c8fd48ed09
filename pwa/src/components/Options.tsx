// The <option>s of the filters that recur across screens: statuses, services, kecamatan, agencies.
import type { Kecamatan, Opd } from "../api/places";
import { type Localized, STATUSES, localized } from "../api/requests";
import { t } from "../i18n";

export function StatusOptions() {
  return (
    <>
      {STATUSES.map((status) => (
        <option key={status} value={status}>
          {t(`status.${status}`)}
        </option>
      ))}
    </>
  );
}

export function ServiceOptions({
  services,
}: {
  services: { code: string; name: Localized }[];
}) {
  return (
    <>
      {services.map((service) => (
        <option key={service.code} value={service.code}>
          {localized(service.name)}
        </option>
      ))}
    </>
  );
}

export function KecamatanOptions({ kecamatan }: { kecamatan: Kecamatan[] }) {
  return (
    <>
      {kecamatan.map((item) => (
        <option key={item.code} value={item.code}>
          {item.name}
        </option>
      ))}
    </>
  );
}

/** Agencies by their short name. */
export function OpdOptions({ opds }: { opds: Opd[] }) {
  return (
    <>
      {opds.map((opd) => (
        <option key={opd.code} value={opd.code}>
          {opd.short_name}
        </option>
      ))}
    </>
  );
}

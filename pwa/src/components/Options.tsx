// The <option>s of the filters that recur across screens: statuses, services, kecamatan, agencies.
import type { Kecamatan, Opd } from "../api/places";
import { type Localized, STATUSES, localized } from "../api/requests";
import { t } from "../i18n";

/** One option a name, its text the translation `${texts}.${name}`. */
export function NamedOptions({
  names,
  texts,
}: {
  names: readonly string[];
  texts: string;
}) {
  return (
    <>
      {names.map((name) => (
        <option key={name} value={name}>
          {t(`${texts}.${name}`)}
        </option>
      ))}
    </>
  );
}

export function StatusOptions() {
  return <NamedOptions names={STATUSES} texts="status" />;
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

/** Agencies by their short name, or with `named` as "short name — full name". */
export function OpdOptions({ opds, named }: { opds: Opd[]; named?: boolean }) {
  return (
    <>
      {opds.map((opd) => (
        <option key={opd.code} value={opd.code}>
          {named ? `${opd.short_name} — ${opd.name}` : opd.short_name}
        </option>
      ))}
    </>
  );
}

// Every attribute the reporter filled in (staff see the private ones too), with the catalogue's labels.
import {
  type AttributeValues,
  type Localized,
  localized,
} from "../../api/requests";
import { useApi } from "../../api/use-api";
import { formatDateTime, formatNumber, t } from "../../i18n";

interface Definition {
  code: string;
  datatype: string;
  order: number;
  label: Localized;
  values: { key: string; name: Localized }[] | null;
}

type Value = AttributeValues[string];

function shown(value: Value, definition: Definition | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formatNumber(value, 2);
  const keys = Array.isArray(value) ? value : [value];
  if (definition?.values) {
    const names = new Map(
      definition.values.map((item) => [item.key, localized(item.name)]),
    );
    return keys.map((key) => names.get(key) || key).join(", ");
  }
  if (definition?.datatype === "datetime") return formatDateTime(keys[0] ?? "");
  return keys.join(", ");
}

const filled = (value: Value) =>
  value !== null && value !== "" && !(Array.isArray(value) && !value.length);

export function RequestAttributes({
  service,
  values,
}: {
  service: string;
  values: AttributeValues;
}) {
  const { data } = useApi<{ attributes: Definition[] }>(
    `services/${encodeURIComponent(service)}`,
  );
  const definitions = new Map(
    (data?.attributes ?? []).map((item) => [item.code, item]),
  );
  const codes = Object.keys(values)
    .filter((code) => filled(values[code] ?? null))
    .sort(
      (a, b) =>
        (definitions.get(a)?.order ?? 999) - (definitions.get(b)?.order ?? 999),
    );
  if (!codes.length) return null;
  return (
    <section aria-labelledby="rincian">
      <h2 id="rincian">{t("staff.work.attributes")}</h2>
      <dl class="staff-facts">
        {codes.map((code) => {
          const definition = definitions.get(code);
          return (
            <div key={code}>
              <dt>{definition ? localized(definition.label) : code}</dt>
              <dd>{shown(values[code] ?? null, definition)}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

// The request's attribute values with the catalogue's labels (raw codes when the catalogue is out
// of reach); staff are sent the private ones too.
import type { AttributeValues, Localized } from "../api/requests";
import { localized } from "../api/requests";
import { useApi } from "../api/use-api";
import { formatDateTime, formatNumber, t } from "../i18n";
import "../pages/requests/i18n";
import { Fact } from "./RequestFacts";

interface AttributeDefinition {
  code: string;
  datatype: string;
  order: number;
  label: Localized;
  values: { key: string; name: Localized }[] | null;
}

type Value = AttributeValues[string];

function shown(value: Value, definition: AttributeDefinition | undefined) {
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

const humanized = (code: string) =>
  code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, " ");

export function AttributeList({
  service,
  values,
}: {
  service: string;
  values: AttributeValues;
}) {
  const { data } = useApi<{ attributes: AttributeDefinition[] }>(
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
      <h2 id="rincian">{t("requests.page.attributes")}</h2>
      <dl class="request-facts">
        {codes.map((code) => {
          const definition = definitions.get(code);
          return (
            <Fact
              key={code}
              label={definition ? localized(definition.label) : humanized(code)}
            >
              {shown(values[code] ?? null, definition)}
            </Fact>
          );
        })}
      </dl>
    </section>
  );
}

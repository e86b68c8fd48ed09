// The request's attribute values with the catalogue's labels (raw codes when the catalogue is out of reach).
import type { AttributeValues, Localized } from "../../api/requests";
import { localized } from "../../api/requests";
import { useApi } from "../../api/use-api";
import { formatDateTime, formatNumber, t } from "../../i18n";

interface AttributeDefinition {
  code: string;
  datatype: string;
  order: number;
  label: Localized;
  values: { key: string; name: Localized }[] | null;
}

interface ServiceDefinition {
  code: string;
  attributes: AttributeDefinition[];
}

type Value = AttributeValues[string];

function shown(value: Value, definition: AttributeDefinition | undefined) {
  if (value === null || value === undefined) return "";
  const keys = Array.isArray(value) ? value : [String(value)];
  if (definition?.values) {
    return keys
      .map((key) =>
        localized(definition.values?.find((item) => item.key === key)?.name),
      )
      .map((name, index) => name || keys[index])
      .join(", ");
  }
  if (definition?.datatype === "datetime" && typeof value === "string")
    return formatDateTime(value);
  if (typeof value === "number") return formatNumber(value, 2);
  return keys.join(", ");
}

const humanized = (code: string) =>
  code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, " ");

export function AttributeList({
  service,
  values,
}: {
  service: string;
  values: AttributeValues;
}) {
  const { data } = useApi<ServiceDefinition>(
    `services/${encodeURIComponent(service)}`,
  );
  const definitions = new Map(
    (data?.attributes ?? []).map((item) => [item.code, item]),
  );
  const codes = Object.keys(values)
    .filter((code) => {
      const value = values[code];
      return (
        value !== null &&
        value !== "" &&
        !(Array.isArray(value) && !value.length)
      );
    })
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
            <div key={code}>
              <dt>
                {definition ? localized(definition.label) : humanized(code)}
              </dt>
              <dd>{shown(values[code] ?? null, definition)}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

// From the draft to what is sent, and the checks each step makes before moving on.
// The server checks everything again; these checks only spare a round trip.
import { formAttributes, type ServiceAttribute } from "../../api/catalog";
import type { FilingFields } from "../../api/filing";
import type { City } from "../../api/places";
import { t } from "../../i18n";
import type { ReportDraft } from "../../offline/drafts";

/** Problems by input id (attr-<code>, description, location), in the person's language. */
export type Problems = Record<string, string>;

const MAX_STRING = 255;
const MAX_TEXT = 4000;

function isBlank(value: string | string[] | undefined): boolean {
  return (
    value === undefined ||
    (Array.isArray(value) ? value.length === 0 : value.trim() === "")
  );
}

function toNumber(text: string): number {
  return Number(text.trim().replace(",", "."));
}

/** The fields exactly as they will be sent (and resent) for this draft. */
export function filingFields(draft: ReportDraft): FilingFields {
  const service = draft.service!;
  const attributes: FilingFields["attributes"] = {};
  for (const attribute of formAttributes(service)) {
    const value = draft.attributes[attribute.code];
    if (value === undefined || isBlank(value)) continue;
    if (attribute.datatype === "number")
      attributes[attribute.code] = toNumber(String(value));
    else if (attribute.datatype === "multivaluelist")
      attributes[attribute.code] = Array.isArray(value) ? value : [value];
    else
      attributes[attribute.code] = Array.isArray(value)
        ? value.join(", ")
        : value.trim();
  }
  return {
    service_code: service.code,
    description: draft.description.trim(),
    attributes,
    lat: draft.lat,
    long: draft.long,
    address: draft.address.trim() || null,
    kelurahan: draft.kelurahan || null,
    public: !draft.private,
    precise_location: Boolean(draft.preciseLocation) && draft.lat !== null,
  };
}

function patternMatches(pattern: string, text: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, "u").test(text);
  } catch {
    // A Python-only pattern: the server judges it.
    return true;
  }
}

function attributeProblem(
  attribute: ServiceAttribute,
  value: string | string[] | undefined,
): string | undefined {
  if (value === undefined || isBlank(value))
    return attribute.required ? t("report.check.required") : undefined;
  const text = Array.isArray(value) ? "" : value.trim();
  switch (attribute.datatype) {
    case "number":
      return Number.isFinite(toNumber(text))
        ? undefined
        : t("report.check.number");
    case "string":
      if (text.length > MAX_STRING)
        return t("report.check.tooLong", { max: MAX_STRING });
      return attribute.pattern && !patternMatches(attribute.pattern, text)
        ? t("report.check.pattern")
        : undefined;
    case "text":
      return text.length > MAX_TEXT
        ? t("report.check.tooLong", { max: MAX_TEXT })
        : undefined;
    default:
      return undefined;
  }
}

export function detailsProblems(draft: ReportDraft): Problems {
  const problems: Problems = {};
  if (!draft.service) return problems;
  for (const attribute of formAttributes(draft.service)) {
    const problem = attributeProblem(
      attribute,
      draft.attributes[attribute.code],
    );
    if (problem) problems[`attr-${attribute.code}`] = problem;
  }
  if (draft.description.length > MAX_TEXT)
    problems.description = t("report.check.tooLong", { max: MAX_TEXT });
  return problems;
}

export function locationProblems(draft: ReportDraft): Problems {
  if (
    draft.service?.needs_location &&
    draft.lat === null &&
    !draft.address.trim()
  )
    return { location: t("report.check.location") };
  return {};
}

/** Whether a point lies in the city's bounding box (the server refuses points outside it). */
export function inCity(city: City | null, lat: number, long: number): boolean {
  if (!city) return true;
  const [south, west, north, east] = city.bbox;
  return lat >= south && lat <= north && long >= west && long <= east;
}

/** The server's message for one field of a refused report, if it named that field. */
export function serverError(
  errors: Record<string, unknown> | null,
  ...path: string[]
): string | undefined {
  let value: unknown = errors;
  for (const part of path) {
    if (!value || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map(String).join(" ");
  if (typeof value === "object")
    return Object.values(value).flat().map(String).join(" ");
  return String(value);
}

/** The step a refusal points to, so the person lands where the fix is needed. */
export function stepOfErrors(
  errors: Record<string, unknown> | null,
): "service" | "details" | "photos" | "location" | "review" {
  if (!errors) return "review";
  if ("service_code" in errors) return "service";
  if ("attributes" in errors || "description" in errors) return "details";
  if ("photos" in errors) return "photos";
  if (["lat", "long", "address", "kelurahan"].some((name) => name in errors))
    return "location";
  return "review";
}

/** Drops the server's complaint about a field once the person has changed it. */
export function withoutError(
  errors: Record<string, unknown> | null,
  group: string,
  name?: string,
): Record<string, unknown> | null {
  if (!errors || !(group in errors)) return errors;
  const rest = { ...errors };
  if (name && rest[group] && typeof rest[group] === "object") {
    const inner = { ...(rest[group] as Record<string, unknown>) };
    delete inner[name];
    if (Object.keys(inner).length) rest[group] = inner;
    else delete rest[group];
  } else {
    delete rest[group];
  }
  return rest;
}

/** The login screen, coming back to this very form (a report being fixed has its own address). */
export function loginHere(): string {
  const here = location.search
    ? encodeURIComponent(location.pathname + location.search)
    : location.pathname;
  return `/masuk?next=${here}`;
}

// The service catalogue (backend/catalog/schemas.py): what a person can report or apply for,
// and the attributes (Open311 service definition) that make each service's form.
import type { Localized } from "../i18n";
import { useApi } from "./use-api";

export { type Localized, localized } from "../i18n";

export type Datatype =
  | "string"
  | "number"
  | "datetime"
  | "text"
  | "singlevaluelist"
  | "multivaluelist";

export interface AttributeValue {
  key: string;
  name: Localized;
}

export interface ServiceAttribute {
  code: string;
  datatype: Datatype;
  required: boolean;
  order: number;
  label: Localized;
  description: Localized | null;
  /** A Python regular expression the whole string value must match (string attributes only). */
  pattern: string | null;
  values: AttributeValue[] | null;
  is_public: boolean;
  is_active: boolean;
}

export interface ServiceGroup {
  code: string;
  name: Localized;
}

export interface Service {
  code: string;
  name: Localized;
  description: Localized;
  group: ServiceGroup;
  keywords: string[];
  opd: { code: string; short_name: string; name: string };
  sla_response_hours: number;
  sla_resolution_hours: number;
  needs_location: boolean;
  allows_anonymous: boolean;
  is_public: boolean;
  is_active: boolean;
  attributes: ServiceAttribute[];
}

export const useServices = () => useApi<Service[]>("services");
export const useServiceGroups = () => useApi<ServiceGroup[]>("service-groups");

/** The text in the person's language, falling back to Bahasa Indonesia. */

/** The attributes the form asks for, in the catalogue's order. */
export function formAttributes(service: Service): ServiceAttribute[] {
  return service.attributes
    .filter((attribute) => attribute.is_active)
    .sort((a, b) => a.order - b.order);
}

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** Services whose names, keywords or description contain every word typed. */
export function searchServices(services: Service[], typed: string): Service[] {
  const words = fold(typed).split(/\s+/).filter(Boolean);
  if (!words.length) return services;
  return services.filter((service) => {
    const haystack = fold(
      [
        service.name.id,
        service.name.en ?? "",
        service.group.name.id,
        service.group.name.en ?? "",
        ...service.keywords,
        service.description.id,
        service.description.en ?? "",
      ].join(" "),
    );
    return words.every((word) => haystack.includes(word));
  });
}

// The admin endpoints: users and roles, agencies, the catalogue and moderation.
import { type User, api, query } from "../../api/client";
import type {
  AttributeValue,
  Datatype,
  Localized,
  Service,
  ServiceAttribute,
  ServiceGroup,
} from "../../api/catalog";
import type { Opd } from "../../api/places";
import type { RequestStatus } from "../../api/requests";

export type Role = User["role"];
export const ROLES: Role[] = ["resident", "opd_staff", "operator", "admin"];
export const DATATYPES: Datatype[] = [
  "string",
  "number",
  "datetime",
  "text",
  "singlevaluelist",
  "multivaluelist",
];
export const isList = (datatype: Datatype) => datatype.endsWith("valuelist");

export interface AdminUser extends User {
  is_active: boolean;
  last_login_at: string | null;
}

export interface UserChanges {
  role?: Role;
  opd?: string | null;
  is_active?: boolean;
}

export type OpdInput = Partial<Omit<Opd, "code">> & { code?: string };

export interface ServiceInput {
  code?: string;
  name: Localized;
  description: Localized;
  group: string;
  keywords: string[];
  opd: string;
  sla_response_hours: number | null;
  sla_resolution_hours: number | null;
  needs_location: boolean;
  allows_anonymous: boolean;
  is_public: boolean;
  is_active: boolean;
}

export interface AttributeInput {
  code?: string;
  datatype?: Datatype;
  required: boolean;
  order: number | null;
  label: Localized;
  description: Localized | null;
  pattern: string | null;
  values: AttributeValue[] | null;
  is_public: boolean;
  is_active?: boolean;
}

export interface ModeratedRequest {
  code: string;
  service: { code: string; name: Localized };
  status: RequestStatus;
  description: string;
  kelurahan: { code: string; name: string } | null;
  created_at: string;
  is_hidden: boolean;
  hidden_reason: string | null;
}

export interface ModeratedComment {
  id: number;
  request_code: string;
  text: string | null;
  author: { role: Role | null; opd: { code: string; name: string } | null };
  is_hidden: boolean;
  created_at: string;
}

export interface ModeratedArticle {
  slug: string;
  title: string;
  summary: string;
  category: string;
  opd: { code: string; short_name: string };
  status: string;
  published_at: string | null;
  is_hidden: boolean;
}

export type { Service, ServiceAttribute, ServiceGroup, Localized, Datatype };

// The service worker and the HTTP cache keep reference lists (services, OPDs) for minutes; an
// editor must see what it has just saved, so admin reads revalidate and edits drop the copies.
const FRESH = { headers: { "Cache-Control": "no-cache" } };

async function forgetCached(prefix: string): Promise<void> {
  if (!("caches" in window)) return;
  const cache = await caches.open("api-reference");
  for (const request of await cache.keys()) {
    if (new URL(request.url).pathname.startsWith(prefix))
      await cache.delete(request, { ignoreVary: true });
  }
}

async function edited<T>(prefix: string, change: Promise<T>): Promise<T> {
  const answer = await change;
  await forgetCached(prefix).catch(() => undefined);
  return answer;
}

export const usersPath = (q: string, role: string) =>
  `admin/users${query({ q: q.trim(), role, limit: 25 })}`;
export const updateUser = (id: number, changes: UserChanges) =>
  api<AdminUser>(`admin/users/${id}`, { method: "PATCH", json: changes });

export const listAllOpds = () =>
  api<Opd[]>("opds?include_inactive=true", FRESH);
export const createOpd = (input: OpdInput) =>
  edited("/api/v1/opds", api<Opd>("opds", { method: "POST", json: input }));
export const updateOpd = (code: string, input: OpdInput) =>
  edited(
    "/api/v1/opds",
    api<Opd>(`opds/${encodeURIComponent(code)}`, {
      method: "PATCH",
      json: input,
    }),
  );

export const listAllServices = () =>
  api<Service[]>("services?include_inactive=true", FRESH);
export const listGroups = () => api<ServiceGroup[]>("service-groups", FRESH);
/** What the catalogue screens read together: every service, the groups and the OPDs. */
export const loadCatalogue = () =>
  Promise.all([listAllServices(), listGroups(), listAllOpds()]);
const servicePath = (code: string) => `services/${encodeURIComponent(code)}`;
export const createService = (input: ServiceInput) =>
  edited(
    "/api/v1/services",
    api<Service>("services", { method: "POST", json: input }),
  );
export const updateService = (code: string, input: ServiceInput) =>
  edited(
    "/api/v1/services",
    api<Service>(servicePath(code), { method: "PATCH", json: input }),
  );
export const addAttribute = (service: string, input: AttributeInput) =>
  edited(
    "/api/v1/services",
    api<Service>(`${servicePath(service)}/attributes`, {
      method: "POST",
      json: input,
    }),
  );
export const updateAttribute = (
  service: string,
  code: string,
  input: AttributeInput,
) =>
  edited(
    "/api/v1/services",
    api<Service>(
      `${servicePath(service)}/attributes/${encodeURIComponent(code)}`,
      {
        method: "PATCH",
        json: input,
      },
    ),
  );

export type Shown = "all" | "visible" | "hidden";
const hiddenArg = (shown: Shown) =>
  shown === "all" ? undefined : shown === "hidden";

export const moderationPath = (kind: "requests" | "comments", shown: Shown) =>
  `admin/moderation/${kind}${query({ hidden: hiddenArg(shown), limit: 20 })}`;
export const articlesPath = () => "staff/news?status=published&limit=20";

export interface Moderation {
  hidden: boolean;
  reason?: string | null;
}
export const moderateRequest = (code: string, body: Moderation) =>
  api<ModeratedRequest>(`requests/${encodeURIComponent(code)}/moderation`, {
    method: "POST",
    json: body,
  });
export const moderateComment = (code: string, id: number, body: Moderation) =>
  api<ModeratedComment>(
    `requests/${encodeURIComponent(code)}/events/${id}/moderation`,
    { method: "POST", json: { hidden: body.hidden } },
  );
export const moderateArticle = (slug: string, body: Moderation) =>
  edited(
    "/api/v1/news",
    api<ModeratedArticle>(`news/${encodeURIComponent(slug)}/moderation`, {
      method: "POST",
      json: body,
    }),
  );

export interface AuditEntry {
  id: number;
  at: string;
  actor: { id: number; name: string } | null;
  actor_role: Role | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
  ip_address: string | null;
  user_agent: string | null;
}

export interface AuditFilters {
  actor: string;
  action: string;
  target_type: string;
  target_id: string;
  since: string | null;
  until: string | null;
}

/** The audit trail's areas, for the action filter ("user" stands for every user.* action). */
export const AUDIT_AREAS = [
  "request",
  "comment",
  "article",
  "user",
  "campaign",
  "incident",
  "warning",
  "service",
  "opd",
  "open311_key",
  "requests",
  "audit",
  "auth",
  "invitation",
  "two_factor",
];
export const AUDIT_TARGETS = [
  "request",
  "comment",
  "article",
  "news_image",
  "user",
  "campaign",
  "incident",
  "warning",
  "service",
  "opd",
  "open311_key",
  "invitation",
];

const auditValues = (filters: AuditFilters) => ({
  actor: filters.actor.trim(),
  action: filters.action,
  target_type: filters.target_type,
  target_id: filters.target_id.trim(),
  since: filters.since,
  until: filters.until,
});

export const auditPath = (filters: AuditFilters) =>
  `audit${query({ ...auditValues(filters), limit: 50 })}`;
export const auditCsvUrl = (filters: AuditFilters) =>
  `/api/v1/audit.csv${query(auditValues(filters))}`;

export interface Invitation {
  id: number;
  name: string;
  email: string;
  role: Role;
  opd: { code: string; name: string; short_name: string } | null;
  invited_by: { id: number; name: string } | null;
  sent_at: string;
  expires_at: string;
}

export interface InvitationInput {
  name: string;
  email: string;
  role: Role;
  opd?: string | null;
}

export const listInvitations = () =>
  api<{ items: Invitation[] }>("admin/invitations");
export const inviteStaff = (input: InvitationInput) =>
  api<Invitation>("admin/invitations", { method: "POST", json: input });
export const resendInvitation = (id: number) =>
  api<Invitation>(`admin/invitations/${id}/resend`, { method: "POST" });
export const revokeInvitation = (id: number) =>
  api<void>(`admin/invitations/${id}`, { method: "DELETE" });
/** Another admin's answer to a lost phone: the user's logins end; they set it up again. */
export const resetTwoFactor = (id: number) =>
  api<AdminUser>(`admin/users/${id}/two-factor/reset`, { method: "POST" });

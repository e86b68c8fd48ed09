// Where a person goes after logging in: the screen they asked for (?next=), once, or their role's start.
// `next` only ever names a path inside this app, so a link cannot send anyone to another site.
import { type User, needsTwoFactorSetup } from "./api/client";

/** Where a role that requires two-factor sign-in sets it up, before anything else. */
export const TWO_FACTOR_SETUP = "/akun/dua-langkah";

/** The screens that ask for a login: never a destination, or login would lead back to itself. */
const AUTH_SCREENS = ["/masuk", "/daftar"];

/** Where each role starts: residents at home, staff at their inbox, operators at the command center. */
const START: Record<User["role"], string> = {
  resident: "/",
  opd_staff: "/staf",
  operator: "/command",
  admin: "/admin",
};

/** `next` if it is a path inside the app, else null. Rejected: absolute and protocol-relative URLs
 * (`https://…`, `//host`, `/\host`), schemes (`javascript:`), and the login and register screens
 * themselves. */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith("/") || next.startsWith("//")) return null;
  if (next.includes("\\")) return null;
  // Parsed as the browser will: it drops tabs and newlines, so "/<tab>/host" is another site too.
  const url = new URL(next, "https://app.invalid");
  if (url.origin !== "https://app.invalid") return null;
  const path = url.pathname.replace(/\/+$/, "") || "/";
  return AUTH_SCREENS.includes(path) ? null : next;
}

/** The first screen of this role. */
export function startOf(role: User["role"]): string {
  return START[role];
}

/** After logging in: the screen asked for, if it is one of ours, else the role's start; by way of
 * the two-factor setup when the role requires it and it is not set up yet. */
export function afterLogin(
  next: string | null | undefined,
  user: User,
): string {
  const target = safeNext(next) ?? startOf(user.role);
  return needsTwoFactorSetup(user)
    ? withNext(TWO_FACTOR_SETUP, target)
    : target;
}

/** `path` (the login or register screen) carrying where to go afterwards, when there is somewhere. */
export function withNext(path: string, next: string | null): string {
  return next === null ? path : `${path}?next=${encodeURIComponent(next)}`;
}

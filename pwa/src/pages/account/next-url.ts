// Where to go after logging in: only a path inside the app (never another site via ?next=).
export function safeNext(next: string | undefined): string {
  if (
    !next ||
    !next.startsWith("/") ||
    next.startsWith("//") ||
    next.includes("\\")
  )
    return "/";
  return next;
}

/** `path` (the login or register screen) carrying where to go afterwards, unless that is home. */
export function withNext(path: string, next: string): string {
  return next === "/" ? path : `${path}?next=${encodeURIComponent(next)}`;
}

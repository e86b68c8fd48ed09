// The city's time zone. The city pack decides it; the app learns it from GET /city at start.
let cityTimeZone = "Asia/Makassar";

export function setCityTimeZone(zone: string): void {
  cityTimeZone = zone;
}

/** The city's IANA zone ("Asia/Makassar" until GET /city has answered). */
export function cityZone(): string {
  return cityTimeZone;
}

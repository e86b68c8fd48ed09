// datetime-local values on the city's clocks (src/i18n/zoned-time.ts), whatever the machine's zone.
import assert from "node:assert/strict";
import { test } from "node:test";
import { localInput, zonedIso, zonedNow } from "../../src/i18n/zoned-time.ts";

test("a wall time in WITA gets its +08:00 offset", () => {
  assert.equal(
    zonedIso("2026-11-20T08:00", "Asia/Makassar"),
    "2026-11-20T08:00:00+08:00",
  );
  assert.equal(
    zonedIso("2026-11-20T08:00", "Asia/Jakarta"),
    "2026-11-20T08:00:00+07:00",
  );
  assert.equal(
    zonedIso("2026-11-20T08:00", "Asia/Jayapura"),
    "2026-11-20T08:00:00+09:00",
  );
});

test("an empty or malformed value is none", () => {
  assert.equal(zonedIso("", "Asia/Makassar"), null);
  assert.equal(zonedIso("20-11-2026 08:00", "Asia/Makassar"), null);
});

test("an instant reads back on the zone's clocks, across midnight UTC", () => {
  assert.equal(
    localInput("2026-11-19T23:30:00Z", "Asia/Makassar"),
    "2026-11-20T07:30",
  );
  assert.equal(
    localInput("2026-11-20T08:00:00+08:00", "Asia/Makassar"),
    "2026-11-20T08:00",
  );
  assert.equal(localInput(null, "Asia/Makassar"), "");
  assert.equal(localInput("not a date", "Asia/Makassar"), "");
});

test("a round trip keeps the wall time, on both sides of a daylight-saving change", () => {
  for (const local of [
    "2026-03-08T01:30",
    "2026-03-08T03:30",
    "2026-11-01T03:00",
  ]) {
    const iso = zonedIso(local, "America/New_York");
    assert.ok(iso);
    assert.equal(localInput(iso, "America/New_York"), local);
  }
  assert.equal(
    zonedIso("2026-07-01T12:00", "America/New_York"),
    "2026-07-01T12:00:00-04:00",
  );
  assert.equal(
    zonedIso("2026-12-01T12:00", "America/New_York"),
    "2026-12-01T12:00:00-05:00",
  );
});

test("now on the zone's clocks comes from the instant given", () => {
  assert.equal(
    zonedNow("Asia/Makassar", Date.UTC(2026, 11, 5, 16, 5)),
    "2026-12-06T00:05",
  );
});

// What a server's answer means for a report waiting in the outbox (src/offline/outbox-rules.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { classify } from "../../src/offline/outbox-rules.ts";
import type { OutboxEntry } from "../../src/offline/outbox-store.ts";

const SENT_AT = Date.UTC(2026, 11, 5, 1, 30);

const entry = {
  key: "7d0c3c5e-0b7e-4d43-9b3a-2f1f4a8f0a11",
  serviceName: { id: "Jalan berlubang", en: "Pothole" },
  userId: 7,
  userName: "Budi",
  state: "waiting",
  message: null,
  errors: null,
  createdAt: SENT_AT - 60_000,
  attempts: 2,
} as unknown as OutboxEntry;

test("a 201 with a code is sent, with a receipt for the tracking page", () => {
  const outcome = classify(
    entry,
    {
      status: 201,
      body: { code: "BPN-2026-000123", tracking_token: "rahasia" },
    },
    true,
    SENT_AT,
  );
  assert.deepEqual(outcome, {
    kind: "sent",
    receipt: {
      key: entry.key,
      code: "BPN-2026-000123",
      serviceName: entry.serviceName,
      token: "rahasia",
      sentAt: SENT_AT,
    },
  });
});

test("a signed-in filing's receipt has no tracking token", () => {
  const outcome = classify(
    entry,
    { status: 201, body: { code: "BPN-1" } },
    true,
    SENT_AT,
  );
  assert.equal(outcome.kind === "sent" && outcome.receipt.token, null);
});

test("no network, a timeout, too many requests and server errors are tried again", () => {
  for (const status of [0, 408, 429, 500, 502, 503]) {
    assert.deepEqual(
      classify(entry, { status, body: null }, true),
      { kind: "retry" },
      `${status}`,
    );
  }
});

test("a 2xx without a code is not taken for sent", () => {
  assert.equal(
    classify(entry, { status: 200, body: {} }, false).kind,
    "needs_fix",
  );
});

test("a 401 asks the reporter to log in again only when it was sent with their login", () => {
  assert.deepEqual(classify(entry, { status: 401, body: {} }, true), {
    kind: "login",
  });
  assert.equal(
    classify(entry, { status: 401, body: {} }, false).kind,
    "needs_fix",
  );
});

test("a refusal keeps the server's message and field errors for the person to fix", () => {
  const errors = { json: { description: ["Terlalu pendek."] } };
  assert.deepEqual(
    classify(
      entry,
      { status: 422, body: { message: "Periksa isian.", errors } },
      true,
    ),
    { kind: "needs_fix", message: "Periksa isian.", errors },
  );
  assert.deepEqual(classify(entry, { status: 413, body: null }, true), {
    kind: "needs_fix",
    message: null,
    errors: null,
  });
});

// What a server's answer to a filing means for the report waiting in the outbox. Pure, so the pages
// and the worker share it and the unit tests (tests/unit) check it without a browser.
import type { FiledRequest, Answer } from "../api/filing";
import type { OutboxEntry, Outcome } from "./outbox-store";

function isRetryable(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/** What an answer means for the entry; `authed`: it was sent with the reporter's login. */
export function classify(
  entry: OutboxEntry,
  answer: Answer,
  authed: boolean,
  now = Date.now(),
): Outcome {
  const body = (answer.body ?? {}) as Partial<FiledRequest> & {
    message?: string;
    errors?: Record<string, unknown>;
  };
  if (answer.status >= 200 && answer.status < 300 && body.code) {
    return {
      kind: "sent",
      receipt: {
        key: entry.key,
        code: body.code,
        serviceName: entry.serviceName,
        token: body.tracking_token ?? null,
        sentAt: now,
      },
    };
  }
  if (isRetryable(answer.status)) return { kind: "retry" };
  if (answer.status === 401 && authed) return { kind: "login" };
  return {
    kind: "needs_fix",
    message: body.message ?? null,
    errors: body.errors ?? null,
  };
}

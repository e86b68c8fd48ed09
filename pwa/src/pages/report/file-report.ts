// Sending the finished form: into the outbox first (from then on nothing can lose it), then out.
import { userStore } from "../../api/client";
import type { ReportDraft } from "../../offline/drafts";
import {
  type Outcome,
  addToOutbox,
  removeEntry,
  sendNow,
} from "../../offline/outbox";
import { filingFields } from "./fields";

interface Filing {
  /** The form as it was queued, to come back to if the server refuses it. */
  ready: ReportDraft;
  outcome: Outcome;
}

/** Queues the draft under a new idempotency key, empties the form's slot, replaces the refused
 * report being fixed (if any), and sends at once. `onQueued` learns the key before the upload. */
export async function fileReport(
  draft: ReportDraft & { service: NonNullable<ReportDraft["service"]> },
  fixKey: string | null,
  onQueued: (key: string) => void,
  clearDraft: () => Promise<void>,
): Promise<Filing> {
  const user = userStore.get();
  const ready: ReportDraft = {
    ...draft,
    step: "review",
    message: null,
    errors: null,
  };
  const key = crypto.randomUUID();
  onQueued(key);
  await addToOutbox({
    key,
    fields: filingFields(ready),
    draft: ready,
    serviceName: draft.service.name,
    userId: user?.id ?? null,
    userName: user?.name ?? null,
    state: "waiting",
    message: null,
    errors: null,
    createdAt: Date.now(),
    attempts: 0,
  });
  // Safe in the outbox now: keeping the draft too would invite a second copy.
  await clearDraft();
  if (fixKey) await removeEntry(fixKey);
  const outcome = await sendNow(key);
  // The person is still on the form: a refusal goes back into it rather than into the list.
  if (outcome.kind === "needs_fix") await removeEntry(key);
  return { ready, outcome };
}

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
  /** A refusal goes back into the form (true), or stays in the outbox as "Perlu diperbaiki"
   * because the person has left the form meanwhile (false). */
  backToForm: boolean;
}

/** Queues the draft under a new idempotency key, empties the form's slot, replaces the refused
 * report being fixed (if any), and sends at once. `onQueued` learns the key before the upload;
 * `onForm` tells whether the person is still on the form when the answer comes. */
export async function fileReport(
  draft: ReportDraft & { service: NonNullable<ReportDraft["service"]> },
  fixKey: string | null,
  onQueued: (key: string) => void,
  clearDraft: () => Promise<void>,
  onForm: () => boolean,
): Promise<Filing> {
  const user = userStore.get();
  const ready: ReportDraft = {
    ...draft,
    step: "review",
    message: null,
    errors: null,
    // The photos' positions stay out of the outbox: the chosen point, if any, is in lat/long.
    photoPoints: draft.photos.map(() => null),
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
  const backToForm = outcome.kind === "needs_fix" && onForm();
  if (backToForm) await removeEntry(key);
  return { ready, outcome, backToForm };
}

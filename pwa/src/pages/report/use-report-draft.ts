// The report form's state: loaded from its IndexedDB slot (or from a refused report being fixed),
// saved a moment after every change, and kept in step with the catalogue's current definition.
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import type { Service } from "../../api/catalog";
import { ApiError, api } from "../../api/client";
import { t } from "../../i18n";
import {
  NEW_DRAFT,
  type ReportDraft,
  clearDraft,
  draftSaver,
  emptyDraft,
  fixDraftId,
  loadDraft,
} from "../../offline/drafts";
import { getEntry } from "../../offline/outbox-store";
import { stepOfErrors } from "./fields";

async function initialDraft(
  draftId: string,
  fixKey: string | null,
): Promise<ReportDraft> {
  const saved = await loadDraft(draftId).catch(() => undefined);
  if (saved) return { ...emptyDraft(), ...saved };
  const refused = fixKey ? await getEntry(fixKey) : undefined;
  if (refused) {
    return {
      ...refused.draft,
      message: refused.message ?? t("report.refused"),
      errors: refused.errors,
      step: stepOfErrors(refused.errors),
    };
  }
  return emptyDraft();
}

export function useReportDraft(fixKey: string | null) {
  const draftId = fixKey ? fixDraftId(fixKey) : NEW_DRAFT;
  const [draft, setDraft] = useState<ReportDraft | null>(null);
  const saver = useMemo(() => draftSaver(draftId), [draftId]);

  useEffect(() => () => saver.stop(), [saver]);

  useEffect(() => {
    let live = true;
    setDraft(null);
    void initialDraft(draftId, fixKey).then((loaded) => {
      if (live) setDraft(loaded);
    });
    return () => {
      live = false;
    };
  }, [draftId, fixKey]);

  const update = useCallback(
    (patch: Partial<ReportDraft>) =>
      setDraft((current) => {
        if (!current) return current;
        const next = { ...current, ...patch };
        // A new step is a moment to keep at once; typing is saved a moment later.
        saver.schedule(next, "step" in patch ? 0 : 300);
        return next;
      }),
    [saver],
  );

  /** Replaces the whole draft and saves it at once. */
  const replace = useCallback(
    (next: ReportDraft) => {
      setDraft(next);
      saver.schedule(next, 0);
    },
    [saver],
  );

  /** Empties the slot: after "Mulai ulang", or once the report is safe in the outbox. */
  const clear = useCallback(async () => {
    saver.cancel();
    await clearDraft(draftId);
    setDraft(emptyDraft());
  }, [saver, draftId]);

  useFreshService(draft?.service ?? null, update);
  return { draft, update, replace, clear };
}

/** A draft keeps the service it was started with; when online, take the catalogue's current one. */
function useFreshService(
  service: Service | null,
  update: (patch: Partial<ReportDraft>) => void,
): void {
  const code = service?.code;
  useEffect(() => {
    if (!code || !navigator.onLine) return;
    const controller = new AbortController();
    api<Service>(`services/${encodeURIComponent(code)}`, {
      signal: controller.signal,
    })
      .then((fresh) => update({ service: fresh }))
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404)
          update({ message: t("report.serviceGone"), step: "service" });
      });
    return () => controller.abort();
  }, [code, update]);
}

// Writing an alert: text, where a tap leads, urgency and lifetime, who it reaches (with a live
// count of devices), an optional time in the city's zone, a preview, and a confirmation that says
// how many devices it reaches before anything is sent. A target that reaches nobody is not sent.
import "./i18n";
import "./campaigns.css";
import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { ApiError } from "../../../api/client";
import { describedBy, Field } from "../../../components/Field";
import { ErrorNote } from "../../../components/Status";
import { formatNumber, t } from "../../../i18n";
import { zonedIso, zoneName, zonedNow } from "../../../i18n/zoned-time";
import {
  type Target,
  createCampaign,
  isAppPath,
  reachesWholeCity,
} from "./api";
import { ConfirmDialog } from "./ConfirmDialog";
import { type Draft, clearDraft, useDraft } from "./draft";
import { MessageFields } from "./MessageFields";
import { NotificationPreview } from "./NotificationPreview";
import { FIRST_PICK_ID, TargetPicker } from "./TargetPicker";
import { useAreas } from "./use-areas";
import { useTargetCount } from "./use-target-count";

// In the order of the form, so that the first one at fault gets the focus.
const INPUT_IDS: [string, string][] = [
  ["title", "campaign-title"],
  ["body", "campaign-body"],
  ["title_en", "campaign-title-en"],
  ["body_en", "campaign-body-en"],
  ["is_alert", "campaign-alert"],
  ["url", "campaign-url"],
  ["urgency", "campaign-urgency"],
  ["ttl", "campaign-ttl"],
  ["target_values", FIRST_PICK_ID],
  ["scheduled_at", "campaign-scheduled"],
];

function targetOf(draft: Draft): Target {
  return {
    kind: draft.kind,
    values: draft.kind === "all" ? [] : draft.picks[draft.kind],
  };
}

function check(draft: Draft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!draft.title.trim()) problems.title = t("campaign.needTitle");
  if (!draft.body.trim()) problems.body = t("campaign.needBody");
  if (!isAppPath(draft.url)) problems.url = t("campaign.badUrl");
  if (draft.kind !== "all" && draft.picks[draft.kind].length === 0)
    problems.target_values = t("campaign.needTarget");
  if (draft.scheduled && draft.scheduled <= zonedNow())
    problems.scheduled_at = t("campaign.needFuture");
  return problems;
}

function focusFirst(fields: string[]): void {
  const first = INPUT_IDS.find(([name]) => fields.includes(name));
  if (first) document.getElementById(first[1])?.focus();
}

export function CampaignComposer() {
  const { route } = useLocation();
  const [draft, change] = useDraft();
  const areas = useAreas();
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [sending, setSending] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const target = targetOf(draft);
  const count = useTargetCount(target);

  // A field edited since the last check shows no error until the next one.
  const errorFor = (name: string) =>
    name in problems ? problems[name] || undefined : error?.field(name);
  const edit = (changed: Partial<Draft>, field: string) => {
    change(changed);
    if (problems[field] !== "") setProblems({ ...problems, [field]: "" });
  };

  const send = async () => {
    setConfirming(false);
    setSending(true);
    setError(null);
    try {
      const created = await createCampaign({
        title: draft.title.trim(),
        body: draft.body.trim(),
        title_en: draft.titleEn.trim() || null,
        body_en: draft.bodyEn.trim() || null,
        is_alert: draft.isAlert,
        url: draft.url,
        urgency: draft.urgency,
        ttl: draft.ttl,
        target_kind: draft.kind,
        target_values: target.values,
        scheduled_at: draft.scheduled ? zonedIso(draft.scheduled) : null,
      });
      clearDraft();
      route(`/admin/kampanye/${created.id}`);
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      setProblems({});
      setError(failure);
      setSending(false);
      focusFirst(Object.keys(failure.errors));
    }
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const found = check(draft);
    if (!Object.keys(found).length && count.count === 0)
      found.target_values = t("campaign.noDevices");
    setProblems(found);
    if (Object.keys(found).length) focusFirst(Object.keys(found));
    else setConfirming(true);
  };

  const wholeCity = reachesWholeCity(target);
  const confirmBody = () => {
    if (count.count === null)
      return wholeCity
        ? t("campaign.confirmBodyUnknown")
        : t("campaign.confirmBodyAreaUnknown");
    const n = formatNumber(count.count);
    return wholeCity
      ? t("campaign.confirmBody", { n })
      : t("campaign.confirmBodyArea", { n });
  };
  const confirmLabel = () => {
    if (wholeCity)
      return draft.scheduled
        ? t("campaign.confirmSchedule")
        : t("campaign.confirmSend");
    return draft.scheduled
      ? t("campaign.confirmScheduleArea")
      : t("campaign.confirmSendArea");
  };

  const countText = () => {
    if (!target.values.length && target.kind !== "all")
      return t("campaign.countPick");
    if (count.error) return count.error.message;
    if (count.loading || count.count === null) return t("campaign.counting");
    return t("campaign.count", { n: formatNumber(count.count) });
  };

  return (
    <section>
      <p>
        <a href="/admin/kampanye">{t("campaign.backToList")}</a>
      </p>
      <h1>{t("campaign.newTitle")}</h1>
      <form onSubmit={submit} noValidate class="campaign-columns">
        <div>
          <ErrorNote error={error} />
          <MessageFields draft={draft} errorFor={errorFor} onEdit={edit} />
          {areas.error ? (
            <div class="error-note" role="alert">
              <p>{t("campaign.areasFailed")}</p>
              <button type="button" class="btn btn-small" onClick={areas.retry}>
                {t("common.retry")}
              </button>
            </div>
          ) : null}
          <TargetPicker
            kind={draft.kind}
            picks={draft.picks}
            kecamatan={areas.kecamatan}
            kelurahan={areas.kelurahan}
            error={errorFor("target_values") || errorFor("target_kind")}
            onKind={(kind) => change({ kind })}
            onPicks={(picks) => edit({ picks }, "target_values")}
          />
          <p class="campaign-count" role="status">
            {countText()}
          </p>
          <Field
            id="campaign-scheduled"
            label={t("campaign.scheduled")}
            hint={t("campaign.scheduledHint", { zone: zoneName() })}
            error={errorFor("scheduled_at")}
          >
            <input
              id="campaign-scheduled"
              type="datetime-local"
              min={zonedNow()}
              value={draft.scheduled}
              onInput={(event) =>
                edit({ scheduled: event.currentTarget.value }, "scheduled_at")
              }
              aria-invalid={errorFor("scheduled_at") ? true : undefined}
              aria-describedby={describedBy(
                "campaign-scheduled",
                errorFor("scheduled_at"),
                "hint",
              )}
            />
          </Field>
        </div>
        <div class="campaign-aside">
          <NotificationPreview
            title={draft.title}
            body={draft.body}
            url={draft.url}
          />
          <button
            type="submit"
            class="btn btn-primary btn-big"
            disabled={sending}
          >
            {sending
              ? t("campaign.sending")
              : draft.scheduled
                ? t("campaign.schedule")
                : t("campaign.sendNow")}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={
          wholeCity
            ? t("campaign.confirmTitle")
            : t("campaign.confirmTitleArea")
        }
        confirm={confirmLabel()}
        cancel={t("campaign.back")}
        onConfirm={() => void send()}
        onCancel={() => setConfirming(false)}
      >
        <p>{confirmBody()}</p>
      </ConfirmDialog>
    </section>
  );
}

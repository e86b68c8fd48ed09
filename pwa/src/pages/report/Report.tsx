// The report flow at /lapor: service → details → photos → location (→ similar reports) → review.
// The form lives in an IndexedDB draft while it is filled; sending puts it in the outbox first,
// so a failed connection, a reload or a closed tab never loses it. /lapor?perbaiki=<key> reopens
// a report the server refused.
import "./i18n";
import "./report.css";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import type { Service } from "../../api/catalog";
import { listKecamatan, listKelurahan } from "../../api/places";
import { Loading } from "../../components/Status";
import { OutboxList } from "../../components/OutboxList";
import { t } from "../../i18n";
import type { StepName } from "../../offline/drafts";
import {
  type Receipt,
  dismissReceipt,
  removeEntry,
} from "../../offline/outbox";
import { DetailsStep } from "./DetailsStep";
import {
  type Problems,
  detailsProblems,
  locationProblems,
  stepOfErrors,
  withoutError,
} from "./fields";
import { fileReport } from "./file-report";
import { LocationStep } from "./LocationStep";
import { PhotosStep } from "./PhotosStep";
import { QueuedScreen } from "./QueuedScreen";
import { ReviewStep } from "./ReviewStep";
import { SentScreen } from "./SentScreen";
import { ServiceStep } from "./ServiceStep";
import { SimilarStep } from "./SimilarStep";
import { Restart, StepNav } from "./StepNav";
import { useReportDraft } from "./use-report-draft";

type Phase =
  | { kind: "form" }
  | { kind: "queued"; key: string }
  | { kind: "sent"; receipt: Receipt };

const ORDER: StepName[] = [
  "service",
  "details",
  "photos",
  "location",
  "review",
];

function stepTitle(step: StepName): string {
  switch (step) {
    case "service":
      return t("report.step.service");
    case "details":
      return t("report.step.details");
    case "photos":
      return t("report.step.photos");
    case "location":
      return t("report.step.location");
    case "similar":
      return t("report.step.similar");
    default:
      return t("report.step.review");
  }
}

export function Report() {
  const { query } = useRoute();
  const { route } = useLocation();
  const fixKey = query.perbaiki || null;
  const { draft, update, replace, clear } = useReportDraft(fixKey);
  const [phase, setPhase] = useState<Phase>({ kind: "form" });
  const [problems, setProblems] = useState<Problems>({});
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const onScreen = useRef(true);
  useEffect(
    () => () => {
      onScreen.current = false;
    },
    [],
  );
  useEffect(() => {
    // The place lists are cached by the worker: fetched now, the picker works offline later.
    if (navigator.onLine) {
      void listKecamatan().catch(() => undefined);
      void listKelurahan().catch(() => undefined);
    }
  }, []);
  useEffect(() => setPhase({ kind: "form" }), [fixKey]);
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [draft?.step]);

  const goTo = useCallback(
    (step: StepName) => {
      moved.current = true;
      setProblems({});
      update({ step });
    },
    [update],
  );
  const toReview = useCallback(() => goTo("review"), [goTo]);
  const onSent = useCallback((receipt: Receipt) => {
    setPhase({ kind: "sent", receipt });
    // A logged-in reporter finds it under "my requests"; an anonymous one keeps the receipt's link.
    if (!receipt.token) void dismissReceipt(receipt.key);
  }, []);

  const another = async () => {
    await clear();
    setPhase({ kind: "form" });
    if (fixKey) route("/lapor");
  };

  if (phase.kind === "sent")
    return <SentScreen receipt={phase.receipt} onAnother={another} />;
  if (phase.kind === "queued")
    return (
      <QueuedScreen outboxKey={phase.key} onSent={onSent} onAnother={another} />
    );
  if (!draft) return <Loading />;

  const step: StepName = draft.service ? draft.step : "service";
  const service = draft.service;

  function showProblems(found: Problems) {
    setProblems(found);
    const first = Object.keys(found)[0];
    window.setTimeout(() => first && document.getElementById(first)?.focus());
  }

  function next() {
    if (!draft) return;
    const found =
      step === "details"
        ? detailsProblems(draft)
        : step === "location"
          ? locationProblems(draft)
          : {};
    if (Object.keys(found).length) return showProblems(found);
    if (step === "location")
      goTo(draft.lat !== null && navigator.onLine ? "similar" : "review");
    else if (step === "similar") goTo("review");
    else goTo(ORDER[ORDER.indexOf(step) + 1] ?? "review");
  }

  function back() {
    goTo(
      step === "similar"
        ? "location"
        : (ORDER[ORDER.indexOf(step) - 1] ?? "service"),
    );
  }

  function choose(chosen: Service) {
    if (!draft) return;
    const same = draft.service?.code === chosen.code;
    moved.current = true;
    setProblems({});
    update({
      service: chosen,
      step: "details",
      attributes: same ? draft.attributes : {},
      errors: withoutError(draft.errors, "service_code"),
      message: same ? draft.message : null,
    });
  }

  async function send() {
    if (!draft?.service) return;
    const details = detailsProblems(draft);
    const place = locationProblems(draft);
    if (Object.keys(details).length || Object.keys(place).length) {
      goTo(Object.keys(details).length ? "details" : "location");
      return showProblems({ ...details, ...place });
    }
    const { ready, outcome, backToForm } = await fileReport(
      { ...draft, service: draft.service },
      fixKey,
      (key) => setPhase({ kind: "queued", key }),
      clear,
      () => onScreen.current,
    );
    if (outcome.kind === "sent") onSent(outcome.receipt);
    else if (outcome.kind === "needs_fix" && backToForm) {
      // Back to the form with the server's words under the inputs.
      replace({
        ...ready,
        message: outcome.message ?? t("report.refused"),
        errors: outcome.errors,
        step: stepOfErrors(outcome.errors),
      });
      setPhase({ kind: "form" });
    }
  }

  const nextLabel =
    step === "review" || (step === "service" && !service)
      ? undefined
      : step === "similar"
        ? t("report.similar.continue")
        : t("report.next");

  return (
    <div class="report">
      <h1>{fixKey ? t("report.fixTitle") : t("report.title")}</h1>
      {step === "service" && !fixKey ? <OutboxList /> : null}
      <p class="muted step-count">
        {t("report.stepOf", {
          n: ORDER.indexOf(step === "similar" ? "location" : step) + 1,
          total: ORDER.length,
        })}
      </p>
      <p class="muted draft-note">{t("report.draftNote")}</p>
      <h2 ref={heading} tabIndex={-1} class="step-title">
        {stepTitle(step)}
      </h2>
      {draft.message ? (
        <p class="error-note" role="alert">
          {draft.message}
        </p>
      ) : null}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          next();
        }}
      >
        {step === "service" ? (
          <ServiceStep chosen={service?.code ?? null} onChoose={choose} />
        ) : step === "details" ? (
          <DetailsStep
            draft={draft}
            problems={problems}
            onChange={update}
            onChangeService={() => goTo("service")}
          />
        ) : step === "photos" ? (
          <PhotosStep draft={draft} onChange={update} />
        ) : step === "location" ? (
          <LocationStep draft={draft} problems={problems} onChange={update} />
        ) : step === "similar" ? (
          <SimilarStep
            draft={draft}
            onNone={toReview}
            onSupported={async () => {
              await clear();
              if (fixKey) await removeEntry(fixKey);
            }}
          />
        ) : (
          <ReviewStep
            draft={draft}
            onEdit={goTo}
            onChange={update}
            onSend={() => void send()}
          />
        )}
        <StepNav
          onBack={step === "service" ? undefined : back}
          nextLabel={nextLabel}
        />
      </form>
      {fixKey || (step === "service" && !service) ? null : (
        <Restart onRestart={() => void clear()} />
      )}
    </div>
  );
}

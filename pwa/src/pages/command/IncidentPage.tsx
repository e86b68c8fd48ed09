// One incident for operators at /command/insiden/<id>: status, why it fired, the live count (read
// again every 30 s, every 3 s while its area alert is being delivered), its actions, the alert's
// delivery, linked requests and timeline.
import "./i18n";
import { useEffect } from "preact/hooks";
import { useRoute } from "preact-iso";
import { publicIncidentHref } from "../../api/incidents";
import { useApi } from "../../api/use-api";
import { ErrorNote, Loading } from "../../components/Status";
import { formatDateTime, formatNumber, localized, t } from "../../i18n";
import { DismissForm } from "./DismissForm";
import { AlertForm, CloseForm, NoteForm, UpdateForm } from "./IncidentActions";
import { Decide, IncidentTitle } from "./IncidentsPanel";
import { AlertDeliveryPanel, isDelivering } from "./AlertDeliveryPanel";
import { LinkRequests, LinkedRequests, isOpen } from "./IncidentRequests";
import { LeadOpdForm, MergeForm } from "./IncidentSteering";
import { IncidentTimeline } from "./IncidentTimeline";
import { type IncidentDetail, incidentDashboardHref } from "./incidents-api";
import { SituationLink } from "./situation/SituationLink";
import { IncidentScreen } from "./IncidentScreen";
import "./command.css";

const REFRESH_SECONDS = 30;
const DELIVERING_SECONDS = 3;

function Facts({ incident }: { incident: IncidentDetail }) {
  return (
    <div class="stack">
      {incident.reason ? (
        <p class="cc-incident-reason">{localized(incident.reason)}</p>
      ) : null}
      <p class="cc-incident-count" aria-live="polite">
        {t("command.incidents.reports", {
          count: formatNumber(incident.report_count),
        })}
      </p>
      <p class="muted">
        {t("command.incident.since", {
          time: formatDateTime(incident.created_at),
        })}
        {incident.lead_opd
          ? ` · ${t("command.incident.lead", { opd: incident.lead_opd.name })}`
          : null}
      </p>
      {incident.warnings.length ? (
        <p>
          {t("command.incident.warnings", {
            events: incident.warnings.map((w) => w.event).join(", "),
          })}
        </p>
      ) : null}
      {incident.dismiss_reason ? (
        <p>
          {t("command.incident.dismissedBecause", {
            reason: incident.dismiss_reason,
          })}
        </p>
      ) : null}
      {incident.close_message ? (
        <p>
          {t("command.incident.closedWith", {
            message: incident.close_message,
          })}
        </p>
      ) : null}
      {incident.state === "active" || incident.state === "resolved" ? (
        <p>
          <a class="more-link" href={publicIncidentHref(incident.id)}>
            {t("command.incident.publicPage")}
          </a>
        </p>
      ) : null}
      <p>
        <a class="more-link" href={incidentDashboardHref(incident.id)}>
          {t("command.incident.dashboard")}
        </a>
      </p>
    </div>
  );
}

function Actions({
  incident,
  onChanged,
}: {
  incident: IncidentDetail;
  onChanged: () => void;
}) {
  if (!isOpen(incident)) return null;
  const steering = (
    <>
      <LinkRequests incident={incident} onChanged={onChanged} />
      <LeadOpdForm incident={incident} onChanged={onChanged} />
      <MergeForm incident={incident} onChanged={onChanged} />
    </>
  );
  if (incident.state === "proposed")
    return (
      <div class="stack">
        <Decide incident={incident} onChanged={onChanged} />
        <div class="cc-incident-actions">{steering}</div>
      </div>
    );
  return (
    <div class="cc-incident-actions">
      <AlertForm incident={incident} onChanged={onChanged} />
      <UpdateForm incident={incident} onChanged={onChanged} />
      <CloseForm incident={incident} onChanged={onChanged} />
      <div class="stack">
        <h3>{t("command.incident.dismissTitle")}</h3>
        <DismissForm id={incident.id} onDone={onChanged} />
      </div>
      {steering}
    </div>
  );
}

export function IncidentPage() {
  const { params } = useRoute();
  const loaded = useApi<IncidentDetail>(
    `incidents/${encodeURIComponent(params.id ?? "")}`,
  );
  const { reload } = loaded;
  const incident = loaded.data;
  const seconds = isDelivering(incident?.alerts)
    ? DELIVERING_SECONDS
    : REFRESH_SECONDS;
  useEffect(() => {
    const timer = window.setInterval(reload, seconds * 1000);
    return () => window.clearInterval(timer);
  }, [reload, seconds]);

  if (!incident)
    return loaded.error ? (
      <ErrorNote error={loaded.error} onRetry={reload} />
    ) : (
      <Loading />
    );

  return (
    <IncidentScreen>
      <h1>
        <IncidentTitle incident={incident} />
      </h1>
      <Facts incident={incident} />
      <SituationLink id={incident.id} />
      <ErrorNote error={loaded.error} />
      <section aria-labelledby="cc-actions-title">
        <h2 id="cc-actions-title">{t("command.incident.actions")}</h2>
        <Actions incident={incident} onChanged={reload} />
        {incident.state === "dismissed" ? null : (
          <NoteForm incident={incident} onChanged={reload} />
        )}
      </section>
      <AlertDeliveryPanel alerts={incident.alerts ?? []} />
      <LinkedRequests incident={incident} onChanged={reload} />
      <section aria-labelledby="cc-timeline-title">
        <h2 id="cc-timeline-title">{t("command.incident.timeline")}</h2>
        <IncidentTimeline events={incident.timeline} />
      </section>
    </IncidentScreen>
  );
}

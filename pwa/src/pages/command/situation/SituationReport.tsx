// An incident's situation report at /command/insiden/<id>/laporan, for operators to print (the
// browser saves it as PDF): the area map, reports per hour, the alerts and updates sent, the
// actions taken (the timeline) and the linked requests still open. On paper the app's header and
// tab bar are gone and the page is A4 (situation.css).
import { useEffect } from "preact/hooks";
import { useRoute } from "preact-iso";
import { areaNames } from "../../../api/incidents";
import { useApi } from "../../../api/use-api";
import { Empty, ErrorNote, Loading } from "../../../components/Status";
import { formatDateTime, formatNumber, localized, t } from "../../../i18n";
import { AreaMap } from "../../../map/AreaMap";
import { IncidentTimeline } from "../IncidentTimeline";
import { IncidentTitle } from "../IncidentsPanel";
import { incidentHref } from "../incidents-api";
import { HourlyChart } from "./HourlyChart";
import { OpenRequests } from "./OpenRequests";
import {
  type IncidentSituation,
  type PublishedUpdate,
  type SentAlert,
  situationPath,
} from "./situation-api";
import "./i18n";
import "./situation.css";

const BODY_CLASS = "cc-report-body";

/** The print rules hide the app's chrome only while the report is on screen. */
function useReportBody(): void {
  useEffect(() => {
    document.body.classList.add(BODY_CLASS);
    return () => document.body.classList.remove(BODY_CLASS);
  }, []);
}

/** The incident's facts as term and value; a fact without a value is left out. */
function Facts({ incident }: { incident: IncidentSituation }) {
  const when = (iso: string | null) => (iso ? formatDateTime(iso) : null);
  const facts: [string, string | null][] = [
    [t("command.situation.area"), areaNames(incident.area)],
    [t("command.situation.reports"), formatNumber(incident.report_count)],
    [t("command.situation.opened"), when(incident.created_at)],
    [t("command.situation.confirmed"), when(incident.confirmed_at)],
    [t("command.situation.resolved"), when(incident.resolved_at)],
    [t("command.situation.lead"), incident.lead_opd?.name ?? null],
    [
      t("command.situation.why"),
      incident.reason ? localized(incident.reason) : null,
    ],
    [
      t("command.situation.warnings"),
      incident.warnings.map((w) => w.event).join(", ") || null,
    ],
    [t("command.situation.closing"), incident.close_message],
  ];
  return (
    <dl class="cc-report-facts">
      {facts.map(([term, value]) =>
        value ? (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}

function Alerts({ alerts }: { alerts: SentAlert[] }) {
  if (alerts.length === 0)
    return <Empty>{t("command.situation.noAlerts")}</Empty>;
  return (
    <ul class="cc-report-list">
      {alerts.map((alert) => (
        <li key={alert.campaign} data-alert={alert.campaign}>
          <p>
            <strong>{alert.title}</strong> · {formatDateTime(alert.created_at)}
          </p>
          <p>{alert.body}</p>
          {alert.title_en ? (
            <p lang="en" class="muted">
              {alert.title_en}: {alert.body_en}
            </p>
          ) : null}
          <p class="muted">
            {t("command.situation.delivery", {
              status: t(`command.campaigns.status.${alert.status}`),
              sent: formatNumber(alert.sent),
              targeted: formatNumber(alert.targeted),
              failed: formatNumber(alert.failed),
              pending: formatNumber(alert.pending),
            })}
          </p>
        </li>
      ))}
    </ul>
  );
}

function Updates({ updates }: { updates: PublishedUpdate[] }) {
  if (updates.length === 0)
    return <Empty>{t("command.situation.noUpdates")}</Empty>;
  return (
    <ul class="cc-report-list">
      {updates.map((update) => (
        <li key={update.slug}>
          <p>
            <strong>{update.title}</strong> ·{" "}
            {formatDateTime(update.published_at)}
          </p>
          <p>{update.summary}</p>
        </li>
      ))}
    </ul>
  );
}

function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: preact.ComponentChildren;
}) {
  return (
    <section class="cc-report-section" aria-labelledby={id} data-section={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Report({ incident }: { incident: IncidentSituation }) {
  return (
    <article class="cc-report">
      <header class="cc-report-head">
        <p class="cc-report-kicker">
          {t("command.situation.kicker")} ·{" "}
          {t("command.situation.generated", {
            time: formatDateTime(incident.generated_at),
          })}
        </p>
        <h1>
          <IncidentTitle incident={incident} />
        </h1>
        <Facts incident={incident} />
      </header>
      <Section id="situation-area" title={t("command.situation.map")}>
        <AreaMap
          codes={incident.area.map((place) => place.code)}
          state={incident.state}
          label={t("command.situation.mapLabel", {
            area: areaNames(incident.area),
          })}
          failed={t("command.situation.mapFailed")}
        />
      </Section>
      <Section
        id="situation-hourly"
        title={t("command.situation.hourly.title")}
      >
        <HourlyChart hours={incident.hourly} />
      </Section>
      <Section id="situation-alerts" title={t("command.situation.alerts")}>
        <Alerts alerts={incident.alerts} />
        <h3>{t("command.situation.updates")}</h3>
        <Updates updates={incident.updates} />
      </Section>
      <Section id="situation-timeline" title={t("command.situation.timeline")}>
        <IncidentTimeline events={incident.timeline} />
      </Section>
      <Section
        id="situation-open"
        title={t("command.situation.open", {
          count: formatNumber(incident.open_requests.length),
        })}
      >
        <OpenRequests requests={incident.open_requests} />
      </Section>
    </article>
  );
}

export function SituationReport() {
  const { params } = useRoute();
  const id = params.id ?? "";
  const loaded = useApi<IncidentSituation>(situationPath(id));
  useReportBody();
  return (
    <div class="cc cc-report-page">
      <div class="cc-report-tools">
        <a class="more-link" href={incidentHref(Number(id))}>
          {t("command.situation.back")}
        </a>
        <button
          type="button"
          class="btn btn-primary"
          onClick={() => window.print()}
        >
          {t("command.situation.print")}
        </button>
      </div>
      {loaded.data ? (
        <Report incident={loaded.data} />
      ) : loaded.error ? (
        <ErrorNote error={loaded.error} onRetry={loaded.reload} />
      ) : (
        <Loading />
      )}
    </div>
  );
}

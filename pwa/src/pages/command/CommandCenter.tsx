// The command center: the open incidents, KPI tiles, the map of open requests and official warnings, the warnings
// panel, trends, the overdue list, the OPD league, the campaigns, the periodic jobs and the
// warning sources' health, refreshed every 30 s in place; filters live in the URL, and `?wall=1` is the
// 1920×1080 wall layout without the app's navigation.
import { useKecamatan, useOpds } from "../../api/places";
import "./i18n";
import { useLocation } from "preact-iso";
import type { Kecamatan, Opd } from "../../api/places";
import { ErrorNote, Loading } from "../../components/Status";
import { t } from "../../i18n";
import { CampaignPanel } from "./CampaignPanel";
import { FilterBar } from "./FilterBar";
import { IncidentScopeNote } from "./IncidentScopeNote";
import { IncidentsPanel } from "./IncidentsPanel";
import { JobsPanel } from "./JobsPanel";
import { KecamatanBars } from "./KecamatanBars";
import { KelurahanTable } from "./KelurahanTable";
import { KpiTiles } from "./KpiTiles";
import { OpdLeague } from "./OpdLeague";
import { OverdueList } from "./OverdueList";
import { RequestMap } from "./RequestMap";
import { SourcesPanel } from "./SourcesPanel";
import { StatusLine } from "./StatusLine";
import { TrendChart } from "./TrendChart";
import { WarningsPanel } from "./WarningsPanel";
import type { Scope } from "./api";
import { NEW_INCIDENT_HREF } from "./incidents-api";
import { useDashboard } from "./use-dashboard";
import { type View, viewFrom, viewUrl } from "./view";
import {
  canFullscreen,
  enterFullscreen,
  leaveFullscreen,
  useWallChrome,
} from "./wall";
import "./command.css";

function scopeText(
  view: View,
  kecamatan: Kecamatan[] = [],
  opds: Opd[] = [],
): string {
  const place =
    kecamatan.find((k) => k.code === view.kecamatan)?.name ?? view.kecamatan;
  const agency = opds.find((o) => o.code === view.opd)?.short_name ?? view.opd;
  return [
    t("command.filters.days", { days: view.days }),
    place ?? t("command.filters.allKecamatan"),
    agency ?? t("command.filters.allOpds"),
  ].join(" · ");
}

export function CommandCenter() {
  const { path, query, route } = useLocation();
  const view = viewFrom(query);
  const scope: Scope = {
    days: view.days,
    kecamatan: view.kecamatan,
    opd: view.opd,
    incident: view.incident,
  };
  const live = useDashboard(scope, view.refresh);
  const kecamatan = useKecamatan();
  const opds = useOpds();
  useWallChrome(view.wall);

  const change = (next: Partial<View>) =>
    route(viewUrl(path, { ...view, ...next }), true);
  const data = live.data;

  return (
    <div class={view.wall ? "cc cc-wall" : "cc"}>
      <div class="cc-head">
        <div>
          <h1>{t("command.title")}</h1>
          <p class="muted cc-scope">
            {scopeText(view, kecamatan.data, opds.data)}
          </p>
        </div>
        <StatusLine updatedAt={live.updatedAt} error={live.error} />
        {view.wall ? (
          <button
            type="button"
            class="btn btn-small"
            onClick={() => {
              leaveFullscreen();
              change({ wall: false });
            }}
          >
            {t("command.wall.leave")}
          </button>
        ) : (
          <button
            type="button"
            class="btn btn-small"
            onClick={() => {
              if (canFullscreen()) enterFullscreen();
              change({ wall: true });
            }}
          >
            {t("command.wall.enter")}
          </button>
        )}
      </div>

      {view.wall ? null : (
        <FilterBar
          view={view}
          kecamatan={kecamatan.data ?? []}
          opds={opds.data ?? []}
          onChange={change}
        />
      )}
      {view.incident ? (
        <IncidentScopeNote
          incident={view.incident}
          onClear={() => change({ incident: undefined })}
        />
      ) : null}

      {data && (data.incidents.length > 0 || !view.wall) ? (
        <section class="cc-panel" aria-labelledby="cc-incidents-title">
          <div class="cc-panel-head">
            <h2 id="cc-incidents-title">{t("command.incidents.title")}</h2>
            {view.wall ? null : (
              <a class="btn btn-small" href={NEW_INCIDENT_HREF}>
                {t("command.newIncident.open")}
              </a>
            )}
          </div>
          <IncidentsPanel
            incidents={data.incidents}
            wall={view.wall}
            onChanged={live.reload}
          />
        </section>
      ) : null}

      {data ? (
        <KpiTiles summary={data.summary} days={view.days} />
      ) : live.error ? (
        <ErrorNote error={live.error} onRetry={live.reload} />
      ) : (
        <Loading />
      )}

      <div class="cc-grid" aria-busy={live.loading}>
        <RequestMap
          scope={scope}
          tick={live.tick}
          layer={view.layer}
          onLayer={(layer) => change({ layer })}
          kelurahan={data?.kelurahan}
          warnings={data?.warnings.warnings}
          incidents={data?.incidents}
        />
        {data ? (
          <>
            {view.wall ? null : (
              <section
                class="cc-panel cc-warnings-panel"
                aria-labelledby="cc-warnings-title"
              >
                <h2 id="cc-warnings-title">{t("command.warnings.title")}</h2>
                <WarningsPanel
                  warnings={data.warnings.warnings}
                  onChanged={live.reload}
                />
              </section>
            )}
            <section class="cc-panel cc-trend" aria-labelledby="cc-trend-title">
              <h2 id="cc-trend-title">
                {t("command.trend.title", { days: view.days })}
              </h2>
              <TrendChart days={data.trends} />
            </section>
            <section
              class="cc-panel cc-kecamatan"
              aria-labelledby="cc-kecamatan-title"
            >
              <h2 id="cc-kecamatan-title">{t("command.kecamatan.title")}</h2>
              <KecamatanBars rows={data.kecamatan} days={view.days} />
            </section>
            {view.wall ? null : (
              <section
                class="cc-panel cc-kelurahan-panel"
                aria-labelledby="cc-kelurahan-title"
              >
                <h2 id="cc-kelurahan-title">{t("command.choropleth.title")}</h2>
                <KelurahanTable rows={data.kelurahan} />
              </section>
            )}
            <section
              class="cc-panel cc-overdue-panel"
              aria-labelledby="cc-overdue-title"
            >
              <h2 id="cc-overdue-title">{t("command.overdue.title")}</h2>
              <OverdueList
                items={data.sla.overdue}
                total={data.summary.overdue}
                wall={view.wall}
              />
            </section>
            <section
              class="cc-panel cc-league-panel"
              aria-labelledby="cc-league-title"
            >
              <h2 id="cc-league-title">{t("command.league.title")}</h2>
              <OpdLeague rows={data.league} />
            </section>
            {view.wall ? null : (
              <>
                <section
                  class="cc-panel cc-campaign-panel"
                  aria-labelledby="cc-campaigns-title"
                >
                  <h2 id="cc-campaigns-title">
                    {t("command.campaigns.title")}
                  </h2>
                  <CampaignPanel campaigns={data.campaigns} />
                </section>
                <section
                  class="cc-panel cc-jobs-panel"
                  aria-labelledby="cc-jobs-title"
                >
                  <h2 id="cc-jobs-title">{t("command.jobs.title")}</h2>
                  <JobsPanel jobs={data.jobs} />
                </section>
                <section
                  class="cc-panel cc-sources-panel"
                  aria-labelledby="cc-sources-title"
                >
                  <h2 id="cc-sources-title">{t("command.sources.title")}</h2>
                  <SourcesPanel sources={data.warnings.sources} />
                </section>
              </>
            )}
          </>
        ) : null}
      </div>
    </div>
  );
}

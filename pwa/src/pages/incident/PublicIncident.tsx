// An incident as residents see it (/insiden/<id>, where the area alert leads): kind and area,
// status, how many reported it, the public updates and the closing message; never a person. The
// area's map fetches Leaflet and the boundaries only once the words are on screen.
import { useRoute } from "preact-iso";
import {
  type PublicIncident as Incident,
  areaNames,
} from "../../api/incidents";
import { useApi } from "../../api/use-api";
import { Empty, ErrorNote, Loading } from "../../components/Status";
import { formatDateTime, formatNumber, localized, t } from "../../i18n";
import { AreaMap } from "../../map/AreaMap";
import "./i18n";

function Updates({ incident }: { incident: Incident }) {
  if (incident.updates.length === 0)
    return <Empty>{t("incident.noUpdates")}</Empty>;
  return (
    <ul class="list">
      {incident.updates.map((update) => (
        <li key={update.slug} class="card">
          <h3>
            <a href={`/berita/${encodeURIComponent(update.slug)}`}>
              {update.title}
            </a>
          </h3>
          <p class="muted">
            <time dateTime={update.published_at}>
              {formatDateTime(update.published_at)}
            </time>
          </p>
          <p>{update.summary}</p>
        </li>
      ))}
    </ul>
  );
}

export function PublicIncident() {
  const { params } = useRoute();
  const loaded = useApi<Incident>(
    `incidents/${encodeURIComponent(params.id ?? "")}/public`,
    { anonymous: true },
  );
  const incident = loaded.data;
  if (!incident)
    return loaded.error ? (
      <ErrorNote error={loaded.error} onRetry={loaded.reload} />
    ) : (
      <Loading />
    );
  const resolved = incident.status === "resolved";
  return (
    <article class="stack">
      <h1>
        {t("incident.title", {
          kind: localized(incident.kind.name),
          area: areaNames(incident.area),
        })}
      </h1>
      <p>
        <span class={resolved ? "badge badge-ok" : "badge badge-in_progress"}>
          {t(`incident.status.${incident.status}`)}
        </span>
      </p>
      <p>{t("incident.area", { area: areaNames(incident.area) })}</p>
      <AreaMap
        codes={incident.area.map((place) => place.code)}
        state={incident.status}
        label={t("incident.mapLabel", { area: areaNames(incident.area) })}
        failed={t("incident.mapFailed")}
      />
      <p class="muted">
        {t("incident.since", { time: formatDateTime(incident.started_at) })}
        {incident.resolved_at
          ? ` · ${t("incident.resolvedAt", { time: formatDateTime(incident.resolved_at) })}`
          : null}
      </p>
      <p>
        <strong>
          {t("incident.count", { count: formatNumber(incident.report_count) })}
        </strong>
      </p>
      {incident.closing_message ? (
        <section aria-labelledby="incident-closing">
          <h2 id="incident-closing">{t("incident.closing")}</h2>
          <p>{incident.closing_message}</p>
        </section>
      ) : null}
      <section aria-labelledby="incident-updates">
        <h2 id="incident-updates">{t("incident.updates")}</h2>
        <Updates incident={incident} />
      </section>
      <p class="muted">{t("incident.privacy")}</p>
      <p>
        <a class="btn" href="/lapor">
          {t("incident.report")}
        </a>
      </p>
    </article>
  );
}

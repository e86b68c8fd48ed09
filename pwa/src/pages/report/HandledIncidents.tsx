// "Sedang ditangani": the active incidents of this kind whose area holds the pin, shown before
// similar reports. A report filed here joins the incident by itself (the detection ties it on its
// next run), so joining is going on to send it.
import {
  type PublicIncident,
  areaNames,
  publicIncidentHref,
} from "../../api/incidents";
import { formatNumber, localized, t } from "../../i18n";

export function HandledIncidents({
  incidents,
  onJoin,
}: {
  incidents: PublicIncident[];
  onJoin: () => void;
}) {
  return (
    <ul class="list">
      {incidents.map((incident) => (
        <li
          key={incident.id}
          class="card similar-item"
          data-incident={incident.id}
        >
          <h3>
            {t("report.incident.handled", {
              kind: localized(incident.kind.name).toLowerCase(),
              area: areaNames(incident.area),
            })}
          </h3>
          <p class="muted">
            {t("report.incident.count", {
              count: formatNumber(incident.report_count),
            })}
          </p>
          <p>{t("report.incident.joinHint")}</p>
          <div class="stack">
            <button type="button" class="btn btn-primary" onClick={onJoin}>
              {t("report.incident.join")}
            </button>
            <a class="more-link" href={publicIncidentHref(incident.id)}>
              {t("report.incident.follow")}
            </a>
          </div>
        </li>
      ))}
    </ul>
  );
}

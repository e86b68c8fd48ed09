// The open incidents at the top of the command center: proposed ones first, each with why it
// fired and "Konfirmasi" / "Tolak"; active ones link to their incident page.
import { areaNames } from "../../api/incidents";
import { useSubmit } from "../../api/use-submit";
import { Empty, ErrorNote } from "../../components/Status";
import { formatNumber, localized, t } from "../../i18n";
import { DismissForm } from "./DismissForm";
import {
  type Incident,
  confirmIncident,
  incidentHref,
  openFirst,
} from "./incidents-api";

export function Decide({
  incident,
  onChanged,
}: {
  incident: Incident;
  onChanged: () => void;
}) {
  const { busy, error, submit } = useSubmit();
  const confirm = async () => {
    const done = await submit(() => confirmIncident(incident.id));
    if (done !== undefined) onChanged();
  };
  return (
    <div class="stack">
      <div class="cc-actions">
        <button
          type="button"
          class="btn btn-primary btn-small"
          disabled={busy}
          onClick={() => void confirm()}
        >
          {t("command.incidents.confirm")}
        </button>
        <DismissForm id={incident.id} onDone={onChanged} />
      </div>
      <ErrorNote error={error} />
    </div>
  );
}

export function IncidentTitle({ incident }: { incident: Incident }) {
  return (
    <>
      <span class={`badge cc-incident-${incident.state}`}>
        {t(`command.incidents.state.${incident.state}`)}
      </span>{" "}
      {t("command.incidents.kindIn", {
        kind: localized(incident.kind.name),
        area: areaNames(incident.area),
      })}
    </>
  );
}

export function IncidentsPanel({
  incidents,
  wall,
  onChanged,
}: {
  incidents: Incident[];
  wall: boolean;
  onChanged: () => void;
}) {
  if (incidents.length === 0)
    return <Empty>{t("command.incidents.empty")}</Empty>;
  return (
    <ul class="cc-incidents">
      {openFirst(incidents).map((incident) => (
        <li
          key={incident.id}
          class="cc-incident-item"
          data-incident={incident.id}
        >
          <h3 class="cc-incident-head">
            <IncidentTitle incident={incident} />
          </h3>
          {incident.reason ? (
            <p class="cc-incident-reason">{localized(incident.reason)}</p>
          ) : null}
          <p class="cc-warning-facts">
            {t("command.incidents.reports", {
              count: formatNumber(incident.report_count),
            })}
          </p>
          {incident.state === "proposed" && !wall ? (
            <Decide incident={incident} onChanged={onChanged} />
          ) : null}
          {wall ? null : (
            <p>
              <a class="more-link" href={incidentHref(incident.id)}>
                {t("command.incidents.open")}
              </a>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

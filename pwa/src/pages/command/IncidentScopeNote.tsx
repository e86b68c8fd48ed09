// The command center narrowed to one incident (`?incident=<id>`): every panel counts only its
// linked requests; the note says so and leads back to the whole city.
import { t } from "../../i18n";
import { incidentHref } from "./incidents-api";
import "./incident-tools.css";

export function IncidentScopeNote({
  incident,
  onClear,
}: {
  incident: string;
  onClear: () => void;
}) {
  return (
    <p class="notice cc-incident-scope" role="status">
      {t("command.incidentScope.only", { id: incident })}{" "}
      <a class="more-link" href={incidentHref(Number(incident))}>
        {t("command.incidentScope.page")}
      </a>{" "}
      <button type="button" class="btn btn-small" onClick={onClear}>
        {t("command.incidentScope.clear")}
      </button>
    </p>
  );
}

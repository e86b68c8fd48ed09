// The way from an incident's page to its printable situation report.
import { t } from "../../../i18n";
import { situationHref } from "./situation-api";
import "./i18n";

export function SituationLink({ id }: { id: number }) {
  return (
    <p>
      <a class="more-link" href={situationHref(id)}>
        {t("command.situation.link")}
      </a>
    </p>
  );
}

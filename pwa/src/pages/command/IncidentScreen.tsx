// The frame of the command center's incident screens (one incident, opening one): the way back.
import type { ComponentChildren } from "preact";
import { t } from "../../i18n";

export function IncidentScreen({ children }: { children: ComponentChildren }) {
  return (
    <div class="cc cc-incident-page">
      <p>
        <a class="more-link" href="/command">
          {t("command.incident.back")}
        </a>
      </p>
      {children}
    </div>
  );
}

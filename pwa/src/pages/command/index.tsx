// The command center chunk (operators and admins): the dashboard at /command and an incident's
// page at /command/insiden/<id>, the form that opens one by hand and an incident's printable
// situation report at …/laporan (their own chunks).
import "./i18n";
import { Route, Router, lazy } from "preact-iso";
import { CommandCenter as Dashboard } from "./CommandCenter";

const OpenIncidentForm = lazy(() =>
  import("./OpenIncidentForm").then((m) => m.OpenIncidentForm),
);
const IncidentPage = lazy(() =>
  import("./IncidentPage").then((m) => m.IncidentPage),
);

const SituationReport = lazy(() =>
  import("./situation/SituationReport").then((m) => m.SituationReport),
);

export function CommandCenter() {
  return (
    <Router>
      <Route path="/insiden/baru" component={OpenIncidentForm} />
      <Route path="/insiden/:id" component={IncidentPage} />
      <Route path="/insiden/:id/laporan" component={SituationReport} />
      <Route default component={Dashboard} />
    </Router>
  );
}

// The command center chunk (operators and admins): the dashboard at /command and an incident's
// page at /command/insiden/<id> and the form that opens one by hand (their own chunks).
import "./i18n";
import { Route, Router, lazy } from "preact-iso";
import { CommandCenter as Dashboard } from "./CommandCenter";

const OpenIncidentForm = lazy(() =>
  import("./OpenIncidentForm").then((m) => m.OpenIncidentForm),
);
const IncidentPage = lazy(() =>
  import("./IncidentPage").then((m) => m.IncidentPage),
);

export function CommandCenter() {
  return (
    <Router>
      <Route path="/insiden/baru" component={OpenIncidentForm} />
      <Route path="/insiden/:id" component={IncidentPage} />
      <Route default component={Dashboard} />
    </Router>
  );
}

// The command center chunk (operators and admins): the dashboard at /command and an incident's
// page at /command/insiden/<id> (its own chunk).
import "./i18n";
import { Route, Router, lazy } from "preact-iso";
import { CommandCenter as Dashboard } from "./CommandCenter";

const IncidentPage = lazy(() =>
  import("./IncidentPage").then((m) => m.IncidentPage),
);

export function CommandCenter() {
  return (
    <Router>
      <Route path="/insiden/:id" component={IncidentPage} />
      <Route default component={Dashboard} />
    </Router>
  );
}

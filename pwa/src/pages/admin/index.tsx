// The admin chunk: users, agencies, the catalogue, moderation, push campaigns and the audit trail
// (admins only).
import { Route, Router, lazy } from "preact-iso";
import { t } from "../../i18n";
import "./i18n";

const AdminHome = lazy(() => import("./AdminHome").then((m) => m.AdminHome));
const Users = lazy(() => import("./Users").then((m) => m.Users));
const Invitations = lazy(() =>
  import("./Invitations").then((m) => m.Invitations),
);
const Opds = lazy(() => import("./Opds").then((m) => m.Opds));
const Catalogue = lazy(() => import("./Catalogue").then((m) => m.Catalogue));
const ServiceEditor = lazy(() =>
  import("./ServiceEditor").then((m) => m.ServiceEditor),
);
const Moderation = lazy(() => import("./Moderation").then((m) => m.Moderation));
const Audit = lazy(() => import("./Audit").then((m) => m.Audit));
const Campaigns = lazy(() =>
  import("./campaigns/Campaigns").then((m) => m.Campaigns),
);
const CampaignComposer = lazy(() =>
  import("./campaigns/CampaignComposer").then((m) => m.CampaignComposer),
);
const CampaignPage = lazy(() =>
  import("./campaigns/CampaignPage").then((m) => m.CampaignPage),
);

function NotFound() {
  return <h1>{t("notFound.title")}</h1>;
}

export function AdminApp() {
  return (
    <Router>
      <Route path="/" component={AdminHome} />
      <Route path="/pengguna" component={Users} />
      <Route path="/undangan" component={Invitations} />
      <Route path="/opd" component={Opds} />
      <Route path="/layanan" component={Catalogue} />
      <Route path="/layanan/:code" component={ServiceEditor} />
      <Route path="/moderasi" component={Moderation} />
      <Route path="/audit" component={Audit} />
      <Route path="/kampanye" component={Campaigns} />
      <Route path="/kampanye/baru" component={CampaignComposer} />
      <Route path="/kampanye/:id" component={CampaignPage} />
      <Route default component={NotFound} />
    </Router>
  );
}

// The router: every screen is a lazy chunk, so a resident downloads only the screens they open,
// and staff, admin and command-center screens never reach a resident's phone.
import {
  ErrorBoundary,
  LocationProvider,
  Route,
  Router,
  lazy,
} from "preact-iso";
import { Layout } from "./components/Layout";
import { RequireRole } from "./components/RequireRole";
import { t, useLanguage } from "./i18n";

const Home = lazy(() => import("./pages/home/Home").then((m) => m.Home));
const NewsList = lazy(() =>
  import("./pages/news/NewsList").then((m) => m.NewsList),
);
const Article = lazy(() =>
  import("./pages/news/Article").then((m) => m.Article),
);
const Report = lazy(() =>
  import("./pages/report/Report").then((m) => m.Report),
);
const PublicRequests = lazy(() =>
  import("./pages/requests/PublicRequests").then((m) => m.PublicRequests),
);
const RequestPage = lazy(() =>
  import("./pages/requests/RequestPage").then((m) => m.RequestPage),
);
const PublicIncident = lazy(() =>
  import("./pages/incident/PublicIncident").then((m) => m.PublicIncident),
);
const MyRequests = lazy(() =>
  import("./pages/requests/MyRequests").then((m) => m.MyRequests),
);
const Account = lazy(() =>
  import("./pages/account/Account").then((m) => m.Account),
);
const Login = lazy(() => import("./pages/account/Login").then((m) => m.Login));
const Register = lazy(() =>
  import("./pages/account/Register").then((m) => m.Register),
);
const ForgotPassword = lazy(() =>
  import("./pages/account/ForgotPassword").then((m) => m.ForgotPassword),
);
const CodeSignIn = lazy(() =>
  import("./pages/account/CodeSignIn").then((m) => m.CodeSignIn),
);
const TwoFactorPage = lazy(() =>
  import("./pages/account/TwoFactor").then((m) => m.TwoFactorPage),
);
const AcceptInvitation = lazy(() =>
  import("./pages/account/AcceptInvitation").then((m) => m.AcceptInvitation),
);
const Notifications = lazy(() =>
  import("./pages/account/Notifications").then((m) => m.Notifications),
);
const Privacy = lazy(() =>
  import("./pages/privacy/Privacy").then((m) => m.Privacy),
);
const StaffApp = lazy(() => import("./pages/staff").then((m) => m.StaffApp));
const AdminApp = lazy(() => import("./pages/admin").then((m) => m.AdminApp));
const CommandCenter = lazy(() =>
  import("./pages/command").then((m) => m.CommandCenter),
);

function Staff() {
  return (
    <RequireRole roles={["opd_staff", "admin"]}>
      <StaffApp />
    </RequireRole>
  );
}

function Admin() {
  return (
    <RequireRole roles={["admin"]}>
      <AdminApp />
    </RequireRole>
  );
}

function Command() {
  return (
    <RequireRole roles={["operator", "admin"]}>
      <CommandCenter />
    </RequireRole>
  );
}

function NotFound() {
  return (
    <section>
      <h1>{t("notFound.title")}</h1>
      <p>
        <a href="/">{t("notFound.home")}</a>
      </p>
    </section>
  );
}

export function App() {
  // Switching the language re-renders every screen in the new one.
  const lang = useLanguage();
  return (
    <LocationProvider>
      <ErrorBoundary>
        <Layout key={lang}>
          <Router>
            <Route path="/" component={Home} />
            <Route path="/berita" component={NewsList} />
            <Route path="/berita/:slug" component={Article} />
            <Route path="/lapor" component={Report} />
            <Route path="/laporan" component={PublicRequests} />
            <Route path="/laporan/:code" component={RequestPage} />
            <Route path="/insiden/:id" component={PublicIncident} />
            <Route path="/laporan-saya" component={MyRequests} />
            <Route path="/notifikasi" component={Notifications} />
            <Route path="/akun" component={Account} />
            <Route path="/akun/dua-langkah" component={TwoFactorPage} />
            <Route path="/undangan" component={AcceptInvitation} />
            <Route path="/masuk" component={Login} />
            <Route path="/daftar" component={Register} />
            <Route path="/lupa-sandi" component={ForgotPassword} />
            <Route path="/masuk-kode" component={CodeSignIn} />
            <Route path="/privasi" component={Privacy} />
            <Route path="/staf" component={Staff} />
            <Route path="/staf/*" component={Staff} />
            <Route path="/admin" component={Admin} />
            <Route path="/admin/*" component={Admin} />
            <Route path="/command" component={Command} />
            <Route path="/command/*" component={Command} />
            <Route default component={NotFound} />
          </Router>
        </Layout>
      </ErrorBoundary>
    </LocationProvider>
  );
}

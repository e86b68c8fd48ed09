// The staff chunk: the OPD's inbox, the work page of one request, and the OPD's news editor.
// Residents never download it; opd_staff and admins reach it under /staf.
import { Route, Router, lazy, useLocation } from "preact-iso";
import { t } from "../../i18n";
import "./i18n";
import "./staff.css";

const Inbox = lazy(() => import("./Inbox").then((m) => m.Inbox));
const WorkPage = lazy(() => import("./WorkPage").then((m) => m.WorkPage));
const StaffNews = lazy(() => import("./StaffNews").then((m) => m.StaffNews));
const NewsEditor = lazy(() => import("./NewsEditor").then((m) => m.NewsEditor));

function NotFound() {
  return (
    <section>
      <h1>{t("notFound.title")}</h1>
      <p>
        <a href="/staf">{t("staff.nav.inbox")}</a>
      </p>
    </section>
  );
}

export function StaffApp() {
  const { path } = useLocation();
  const inNews = path.startsWith("/staf/berita");
  return (
    <>
      <nav class="staff-nav" aria-label={t("staff.nav.label")}>
        <a href="/staf" aria-current={inNews ? undefined : "page"}>
          {t("staff.nav.inbox")}
        </a>
        <a href="/staf/berita" aria-current={inNews ? "page" : undefined}>
          {t("staff.nav.news")}
        </a>
      </nav>
      <Router>
        <Route path="/" component={Inbox} />
        <Route path="/laporan/:code" component={WorkPage} />
        <Route path="/berita" component={StaffNews} />
        <Route path="/berita/baru" component={NewsEditor} />
        <Route path="/berita/:slug" component={NewsEditor} />
        <Route default component={NotFound} />
      </Router>
    </>
  );
}

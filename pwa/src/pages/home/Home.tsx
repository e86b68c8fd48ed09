// The start screen: the big "Laporkan" button, the way to the public reports and notifications,
// then active warnings, my open requests, pinned and latest news, and the install offer. Kept
// light: no map, no forms, one small news chunk.
//
// The button stays where the first paint put it, and what the server tells (warnings, requests,
// news) appears below it in one paint once every read has answered: nothing the resident is
// looking at or about to tap jumps down when a slow answer arrives. A read that stalls (patchy
// mobile data) holds the others back for a few seconds only.
import { useEffect, useState } from "preact/hooks";
import { type Page, type User, userStore } from "../../api/client";
import {
  type ArticleSummary,
  type NewsPage,
  bannerPath,
  newsPath,
} from "../../api/news";
import { myRequestsPath, type ServiceRequest } from "../../api/requests";
import { type Loaded, useApi } from "../../api/use-api";
import { Empty, ErrorNote, Loading } from "../../components/Status";
import { t } from "../../i18n";
import { useStore } from "../../store";
import { NewsCard } from "../news/NewsCard";
import { WarningBanner } from "../news/WarningBanner";
import { InstallPrompt } from "./InstallPrompt";
import { MyOpenRequests } from "./MyOpenRequests";
import "./i18n";
import "./home.css";

function Greeting({ user }: { user: User | null }) {
  return (
    <>
      <h1>
        {user
          ? t("home.greetingUser", { name: user.name })
          : t("home.greeting")}
      </h1>
      <p class="lead">{t("home.intro")}</p>
    </>
  );
}

const PATIENCE_MS = 3000;

function hasAnswered(read: Loaded<unknown>): boolean {
  return !read.loading || read.data !== undefined || read.error !== undefined;
}

/** True once every read has answered (a later reload keeps it true), or after PATIENCE_MS. */
function useAnswered(reads: Loaded<unknown>[]): boolean {
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setWaited(true), PATIENCE_MS);
    return () => window.clearTimeout(timer);
  }, []);
  return waited || reads.every(hasAnswered);
}

function HomeNews({ news }: { news: Loaded<NewsPage> }) {
  const { data, error, loading } = news;
  const pinned = (data?.items ?? []).filter((item) => item.is_pinned);
  const latest = (data?.items ?? []).filter((item) => !item.is_pinned);
  return (
    <>
      {pinned.length > 0 ? (
        <section aria-labelledby="pinned-title">
          <h2 id="pinned-title">{t("home.pinnedTitle")}</h2>
          <ul class="list">
            {pinned.map((article) => (
              <li key={article.slug}>
                <NewsCard article={article} level={3} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="latest-title">
        <h2 id="latest-title">{t("home.latestTitle")}</h2>
        {loading && !data ? <Loading /> : null}
        {error && !data ? <ErrorNote error={error} /> : null}
        {data && latest.length === 0 && pinned.length === 0 ? (
          <Empty>{t("home.newsEmpty")}</Empty>
        ) : null}
        {latest.length > 0 ? (
          <ul class="list">
            {latest.slice(0, 3).map((article) => (
              <li key={article.slug}>
                <NewsCard article={article} level={3} />
              </li>
            ))}
          </ul>
        ) : null}
        <p>
          <a class="more-link" href="/berita">
            {t("home.allNews")}
          </a>
        </p>
      </section>
    </>
  );
}

export function Home() {
  const user = useStore(userStore);
  const warnings = useApi<ArticleSummary[]>(bannerPath(), { anonymous: true });
  const mine = useApi<Page<ServiceRequest>>(user ? myRequestsPath() : null);
  const news = useApi<NewsPage>(newsPath({ limit: 6 }), { anonymous: true });
  const answered = useAnswered([warnings, mine, news]);
  return (
    <div class="home">
      <Greeting user={user} />
      <p>
        <a class="btn btn-primary btn-big report-button" href="/lapor">
          <span aria-hidden="true">+</span>
          {t("home.report")}
        </a>
      </p>
      <ul class="quick-links">
        <li>
          <a class="btn" href="/laporan">
            {t("home.publicReports")}
          </a>
        </li>
        <li>
          <a class="btn" href="/notifikasi">
            {t("home.notifications")}
          </a>
        </li>
      </ul>
      {answered ? (
        <>
          <WarningBanner warnings={warnings.data} />
          {user ? <MyOpenRequests mine={mine} /> : null}
          <HomeNews news={news} />
        </>
      ) : (
        <Loading />
      )}
      <InstallPrompt />
    </div>
  );
}

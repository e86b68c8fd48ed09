// The start screen: active warnings, the big "Laporkan" button, my open requests, pinned and latest
// news, the install offer and the way to the public reports and notifications. Kept light: no map,
// no forms, one small news chunk.
import { type User, userStore } from "../../api/client";
import { type NewsPage, newsPath } from "../../api/news";
import { useApi } from "../../api/use-api";
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

function HomeNews() {
  const { data, error, loading } = useApi<NewsPage>(newsPath({ limit: 6 }), {
    anonymous: true,
  });
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
  return (
    <div class="home">
      <Greeting user={user} />
      <WarningBanner />
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
      <InstallPrompt />
      {user ? <MyOpenRequests /> : null}
      <HomeNews />
    </div>
  );
}

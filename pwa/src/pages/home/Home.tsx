// The start screen: the big "Laporkan" button, the way to the public reports and notifications,
// then active warnings, my open requests, a few news items (pinned first), and the install offer.
// Each item shows once (a warning in the banner is left out of the news) and the lists are short,
// each with "Lihat semua". Kept light: no map, no forms, one small news chunk.
//
// The button stays where the first paint put it, and what the server tells (warnings, requests,
// news) appears below it in one paint once every read has answered: nothing the resident is
// looking at or about to tap jumps down when a slow answer arrives. A read that stalls (patchy
// mobile data) holds the others back for a few seconds only; warnings that arrive after that
// come as a notice fixed above the bottom bar, which moves nothing. The install offer (the browser
// may offer it at once) comes last, with the rest, so that the content never pushes it down.
import { useEffect, useState } from "preact/hooks";
import { type Page, type User, userStore } from "../../api/client";
import {
  type ArticleSummary,
  type NewsPage,
  bannerPath,
  newsPath,
} from "../../api/news";
import { savedPreferences } from "../../api/push";
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

function hasAnswered(
  read: Pick<Loaded<unknown>, "loading" | "data" | "error">,
): boolean {
  return !read.loading || read.data !== undefined || read.error !== undefined;
}

/** True once every read has answered (a later reload keeps it true), or after PATIENCE_MS. */
function useAnswered(
  reads: Pick<Loaded<unknown>, "loading" | "data" | "error">[],
): boolean {
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setWaited(true), PATIENCE_MS);
    return () => window.clearTimeout(timer);
  }, []);
  return waited || reads.every(hasAnswered);
}

const NEWS_SHOWN = 3;

/** The news not already shown as warnings, pinned first, a few of them. */
function homeNews(news: NewsPage | undefined, shown: ArticleSummary[]) {
  const seen = new Set(shown.map((warning) => warning.slug));
  const rest = (news?.items ?? []).filter((item) => !seen.has(item.slug));
  const pinned = rest.filter((item) => item.is_pinned);
  const latest = rest.filter((item) => !item.is_pinned);
  return [...pinned, ...latest].slice(0, NEWS_SHOWN);
}

function HomeNews({
  news,
  warnings,
}: {
  news: Loaded<NewsPage>;
  warnings: ArticleSummary[];
}) {
  const { data, error, loading } = news;
  const articles = homeNews(data, warnings);
  return (
    <section aria-labelledby="news-title">
      <h2 id="news-title">{t("home.newsTitle")}</h2>
      {loading && !data ? <Loading /> : null}
      {error && !data ? <ErrorNote error={error} /> : null}
      {data && articles.length === 0 ? (
        <Empty>{t("home.newsEmpty")}</Empty>
      ) : null}
      {articles.length > 0 ? (
        <ul class="list">
          {articles.map((article) => (
            <li key={article.slug}>
              <NewsCard article={article} level={3} short />
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
  );
}

/** Warnings that answered after the rest of the home was shown: a notice fixed above the bottom
 * bar, so that nothing on the screen moves. */
function LateWarnings({ warnings }: { warnings: ArticleSummary[] }) {
  const [first] = warnings;
  if (!first) return null;
  return (
    <p class="late-warnings alert-peringatan" role="status">
      <span aria-hidden="true">⚠ </span>
      <a href={`/berita/${encodeURIComponent(first.slug)}`}>{first.title}</a>
      {warnings.length > 1
        ? ` ${t("home.moreWarnings", { count: warnings.length - 1 })}`
        : null}
    </p>
  );
}

/** The warnings known when the home was first shown, and those that came later. */
function useWarnings(read: Loaded<ArticleSummary[]>, answered: boolean) {
  const [inPlace, setInPlace] = useState<boolean | null>(null);
  useEffect(() => {
    if (answered && inPlace === null) setInPlace(read.data !== undefined);
  }, [answered, inPlace, read.data]);
  const warnings = read.data ?? [];
  const placed = inPlace !== false;
  return {
    shown: placed ? warnings : [],
    late: placed ? [] : warnings,
  };
}

export function Home() {
  const user = useStore(userStore);
  // The area this device follows for alerts (/notifikasi): its warnings, and the city's.
  const warnings = useApi<ArticleSummary[]>(bannerPath(savedPreferences()), {
    anonymous: true,
  });
  const mine = useApi<Page<ServiceRequest>>(user ? myRequestsPath() : null);
  const news = useApi<NewsPage>(newsPath({ limit: 6 }), { anonymous: true });
  const answered = useAnswered([warnings, mine, news]);
  const { shown, late } = useWarnings(warnings, answered);
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
          <WarningBanner warnings={shown} />
          {user ? <MyOpenRequests mine={mine} /> : null}
          <HomeNews news={news} warnings={shown} />
          <LateWarnings warnings={late} />
          <InstallPrompt />
        </>
      ) : (
        <Loading />
      )}
    </div>
  );
}

// The frame around every screen: skip link, header, banners, the screen, and, on residents' screens,
// the bottom navigation (staff, admin and command-center screens link to the account from the header).
import type { ComponentChildren } from "preact";
import { useLocation } from "preact-iso";
import { userStore } from "../api/client";
import { cityStore } from "../api/places";
import { t } from "../i18n";
import { useStore } from "../store";
import { OfflineBanner, UpdatePrompt } from "./Banners";
import { NoticeBanner } from "./NoticeBanner";

const TABS = [
  { href: "/", label: "nav.home", icon: "⌂" },
  { href: "/berita", label: "nav.news", icon: "☰" },
  { href: "/lapor", label: "nav.report", icon: "+" },
  { href: "/laporan-saya", label: "nav.myRequests", icon: "✓" },
  { href: "/akun", label: "nav.account", icon: "☺" },
];

/** The staff, admin and command-center screens: wide, and without the residents' tab bar. */
function isWorkScreen(path: string): boolean {
  return ["/staf", "/admin", "/command"].some(
    (start) => path === start || path.startsWith(`${start}/`),
  );
}

function isCurrent(path: string, href: string): boolean {
  return href === "/"
    ? path === "/"
    : path === href || path.startsWith(`${href}/`);
}

export function Layout({ children }: { children: ComponentChildren }) {
  const { path } = useLocation();
  const city = useStore(cityStore);
  const user = useStore(userStore);
  const work = isWorkScreen(path);
  return (
    <>
      <a class="skip-link" href="#konten">
        {t("nav.skip")}
      </a>
      <header class="site-header">
        <a class="brand" href="/">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>SatuPintu</span>
          {city ? <span class="brand-city">{city.short_name}</span> : null}
        </a>
        <div class="header-links">
          {work || (user && user.role !== "resident") ? (
            <nav class="work-nav" aria-label={t("nav.work")}>
              {user?.role === "opd_staff" || user?.role === "admin" ? (
                <a href="/staf">{t("nav.staff")}</a>
              ) : null}
              {user?.role === "admin" ? (
                <a href="/admin">{t("nav.admin")}</a>
              ) : null}
              {user?.role === "operator" || user?.role === "admin" ? (
                <a href="/command">{t("nav.command")}</a>
              ) : null}
              {work ? <a href="/akun">{t("nav.account")}</a> : null}
            </nav>
          ) : null}
          <a class="header-link" href="/privasi">
            {t("nav.privacyShort")}
          </a>
        </div>
      </header>
      <OfflineBanner />
      <UpdatePrompt />
      {/* Not over the work screens (a command-center wall shows no prompts); staff see it on Akun. */}
      {work ? null : <NoticeBanner />}
      <main
        id="konten"
        class={work ? "content content-wide" : "content"}
        tabIndex={-1}
      >
        {children}
      </main>
      {work ? null : (
        <nav class="tab-bar" aria-label={t("nav.main")}>
          {TABS.map((tab) => (
            <a
              key={tab.href}
              href={tab.href}
              class={isCurrent(path, tab.href) ? "tab tab-current" : "tab"}
              aria-current={isCurrent(path, tab.href) ? "page" : undefined}
            >
              <span class="tab-icon" aria-hidden="true">
                {tab.icon}
              </span>
              <span>{t(tab.label)}</span>
            </a>
          ))}
        </nav>
      )}
    </>
  );
}

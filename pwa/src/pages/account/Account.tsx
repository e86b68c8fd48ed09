// /akun: the profile, language, password, logout, a copy of one's data and account deletion; the way to log in or
// register (and the language switch) for a visitor.
import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { logOut } from "../../api/auth";
import { type User, userStore } from "../../api/client";
import { t } from "../../i18n";
import { useStore } from "../../store";
import { Consents } from "./Consents";
import { DataDownload } from "./DataDownload";
import { DeleteAccount } from "./DeleteAccount";
import { LanguageSwitch } from "./LanguageSwitch";
import { PasswordForm } from "./PasswordForm";
import { ProfileForm } from "./ProfileForm";
import { VerifyContact } from "./VerifyContact";
import "./i18n";
import "./account.css";

/** Two-factor sign-in, for the roles that may have it: on or off, and the way to its screen. */
function TwoFactorCard({ user }: { user: User }) {
  if (user.role === "resident") return null;
  return (
    <div class="card account-section">
      <h2>{t("account.twoFactor.title")}</h2>
      <p>
        {t(
          user.two_factor_enabled
            ? "account.twoFactor.on"
            : "account.twoFactor.off",
        )}
      </p>
      <p>
        <a class="more-link" href="/akun/dua-langkah">
          {t("account.twoFactor.manage")}
        </a>
      </p>
    </div>
  );
}

function WorkAreas({ role }: { role: User["role"] }) {
  const areas = [
    {
      href: "/staf",
      label: t("account.staffArea"),
      roles: ["opd_staff", "admin"],
    },
    { href: "/admin", label: t("account.adminArea"), roles: ["admin"] },
    {
      href: "/command",
      label: t("account.commandArea"),
      roles: ["operator", "admin"],
    },
  ].filter((area) => area.roles.includes(role));
  if (areas.length === 0) return null;
  return (
    <nav class="card account-section" aria-labelledby="work-title">
      <h2 id="work-title">{t("account.workTitle")}</h2>
      <ul class="list">
        {areas.map((area) => (
          <li key={area.href}>
            <a class="btn" href={area.href}>
              {area.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The language, the way to the notification settings and the privacy notice (a visitor has them
 * too). */
function Settings({ title }: { title?: string }) {
  return (
    <div class="card account-section">
      {title ? <h2>{title}</h2> : null}
      <LanguageSwitch />
      <p>
        <a class="more-link" href="/notifikasi">
          {t("account.notifications")}
        </a>
      </p>
      <p>
        <a class="more-link" href="/privasi">
          {t("account.privacyLink")}
        </a>
      </p>
    </div>
  );
}

function Visitor() {
  return (
    <section>
      <h1>{t("account.title")}</h1>
      <p>{t("account.visitorIntro")}</p>
      <div class="stack">
        <a class="btn btn-primary btn-big" href="/masuk?next=%2Fakun">
          {t("account.loginLink")}
        </a>
        <a class="btn btn-big" href="/daftar">
          {t("account.registerLink")}
        </a>
      </div>
      <Settings />
    </section>
  );
}

export function Account() {
  const user = useStore(userStore);
  const { route } = useLocation();
  const [leaving, setLeaving] = useState(false);
  if (!user) return <Visitor />;

  async function leave() {
    setLeaving(true);
    await logOut();
    route("/");
  }

  return (
    <section>
      <h1>{t("account.title")}</h1>
      <p class="lead">{t("account.signedInAs", { name: user.name })}</p>
      <VerifyContact user={user} />
      <WorkAreas role={user.role} />
      {/* Drawn afresh when a confirmed code changes the e-mail or phone. */}
      <ProfileForm key={`${user.email}|${user.phone}`} user={user} />
      <Settings title={t("account.settingsTitle")} />
      <Consents />
      <PasswordForm />
      <TwoFactorCard user={user} />
      <p class="account-section">
        <button
          type="button"
          class="btn btn-big"
          onClick={leave}
          disabled={leaving}
        >
          {t("account.logout")}
        </button>
      </p>
      <DataDownload />
      <DeleteAccount />
    </section>
  );
}

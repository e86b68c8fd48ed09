// The admin start screen: one link for each thing an administrator looks after.
import { t } from "../../i18n";
import "./i18n";
import "./admin.css";

const LINKS = [
  { href: "/admin/pengguna", key: "users" },
  { href: "/admin/undangan", key: "invitations" },
  { href: "/admin/opd", key: "opds" },
  { href: "/admin/layanan", key: "catalogue" },
  { href: "/admin/kampanye", key: "campaigns" },
  { href: "/admin/moderasi", key: "moderation" },
  { href: "/admin/audit", key: "audit" },
  { href: "/command", key: "command" },
];

export function AdminHome() {
  return (
    <section>
      <h1>{t("admin.home.title")}</h1>
      <p class="lead">{t("admin.home.lead")}</p>
      <ul class="list admin-links">
        {LINKS.map((link) => (
          <li key={link.key}>
            <a class="card" href={link.href}>
              <h2>{t(`admin.home.${link.key}`)}</h2>
              <p class="muted">{t(`admin.home.${link.key}Hint`)}</p>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

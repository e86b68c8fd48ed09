// Placeholder: the admin chunk (issue 6).
import { t } from "../../i18n";

export function AdminApp() {
  return <h1>{t("app.building")}</h1>;
}

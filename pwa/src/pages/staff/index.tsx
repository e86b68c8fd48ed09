// Placeholder: the staff chunk (issue 6).
import { t } from "../../i18n";

export function StaffApp() {
  return <h1>{t("app.building")}</h1>;
}

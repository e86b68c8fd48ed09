// Placeholder: the command center chunk (issue 7).
import { t } from "../../i18n";

export function CommandCenter() {
  return <h1>{t("app.building")}</h1>;
}

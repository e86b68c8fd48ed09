// Placeholder: built in issue 6.
import { t } from "../../i18n";

export function Article() {
  return <h1>{t("app.building")}</h1>;
}

// "Pasang aplikasi" on the home screen: the browser's install prompt where there is one, the
// Add-to-Home-Screen steps on iOS; dismissed for good with "Nanti saja".
import { useState } from "preact/hooks";
import { t } from "../../i18n";
import { useStore } from "../../store";
import {
  dismissInstall,
  installDismissed,
  installPromptStore,
  isIos,
  isStandalone,
} from "./install";
import "./i18n";

export function InstallPrompt() {
  const deferred = useStore(installPromptStore);
  const [hidden, setHidden] = useState(
    () => installDismissed() || isStandalone(),
  );
  if (hidden) return null;

  function close() {
    dismissInstall();
    setHidden(true);
  }

  async function install() {
    if (!deferred) return;
    installPromptStore.set(null);
    await deferred.prompt();
    const choice = await deferred.userChoice;
    if (choice.outcome === "dismissed") close();
  }

  if (!deferred && !isIos()) return null;
  return (
    <section class="card install" aria-labelledby="install-title">
      <h2 id="install-title">{t("home.installTitle")}</h2>
      {deferred ? (
        <p>{t("home.installText")}</p>
      ) : (
        <p>{t("home.iosInstall")}</p>
      )}
      <div class="row">
        {deferred ? (
          <button type="button" class="btn btn-primary" onClick={install}>
            {t("home.install")}
          </button>
        ) : null}
        <button type="button" class="btn" onClick={close}>
          {deferred ? t("home.installLater") : t("home.installClose")}
        </button>
      </div>
    </section>
  );
}

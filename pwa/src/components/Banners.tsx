// The offline banner and the "new version" offer, shown above every screen.
import { t } from "../i18n";
import { onlineStore } from "../offline/network";
import { updateApp, updateWaitingStore } from "../offline/sw-bridge";
import { useStore } from "../store";

export function OfflineBanner() {
  const online = useStore(onlineStore);
  if (online) return null;
  return (
    <p class="banner banner-offline" role="status">
      {t("offline.banner")}
    </p>
  );
}

export function UpdatePrompt() {
  const waiting = useStore(updateWaitingStore);
  if (!waiting) return null;
  return (
    <div class="banner banner-update" role="status">
      <span>{t("update.available")}</span>
      <button type="button" class="btn btn-small" onClick={updateApp}>
        {t("update.reload")}
      </button>
    </div>
  );
}

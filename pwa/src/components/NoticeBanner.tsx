// A newer privacy notice than the one a signed-in person accepted, offered until they accept it or
// close it (once per version, remembered on this device). The version is the one read on an
// earlier visit, so the banner is there from the first paint and never moves the screen; each
// visit reads the notice again for the next one.
import { useEffect, useState } from "preact/hooks";
import { userStore } from "../api/client";
import { acceptNotice, fetchNotice, knownNoticeVersion } from "../api/privacy";
import { t } from "../i18n";
import { useStore } from "../store";

const CLOSED_KEY = "satupintu.notice-closed";

function Offer({ version }: { version: string }) {
  const [closed, setClosed] = useState(
    () => localStorage.getItem(CLOSED_KEY) === version,
  );
  const [failed, setFailed] = useState(false);
  if (closed) return null;

  function close() {
    localStorage.setItem(CLOSED_KEY, version);
    setClosed(true);
  }

  return (
    <div
      class="banner banner-update notice-banner"
      role="region"
      aria-label={t("notice.label")}
    >
      <span>
        {failed ? t("notice.failed") : t("notice.newer", { version })}{" "}
        <a class="link-target" href="/privasi">
          {t("notice.read")}
        </a>
      </span>
      <span class="row">
        <button
          type="button"
          class="btn btn-small btn-primary"
          onClick={() => acceptNotice(version).catch(() => setFailed(true))}
        >
          {t("notice.accept")}
        </button>
        <button type="button" class="btn btn-small" onClick={close}>
          {t("notice.later")}
        </button>
      </span>
    </div>
  );
}

export function NoticeBanner() {
  const user = useStore(userStore);
  const [current] = useState(knownNoticeVersion);
  useEffect(() => {
    if (user) fetchNotice().catch(() => undefined);
  }, [user?.id]);
  if (!user || !current || current === user.privacy_version) return null;
  return <Offer key={current} version={current} />;
}

// A newer privacy notice than the one a signed-in person accepted: shown until they accept it or
// close it, once per version (the choice is kept on this device).
import { useState } from "preact/hooks";
import { userStore } from "../api/client";
import { acceptNotice, useNotice } from "../api/privacy";
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

function Check({ accepted }: { accepted: string | null }) {
  const { data } = useNotice();
  if (!data || data.version === accepted) return null;
  return <Offer key={data.version} version={data.version} />;
}

export function NoticeBanner() {
  const user = useStore(userStore);
  if (!user) return null;
  return <Check accepted={user.privacy_version ?? null} />;
}

// /privasi: the privacy notice as the server publishes it (versioned, from the city pack): what is
// kept, why, how long, who sees it, the person's rights and the controller. A signed-in person who
// has not accepted this version yet may accept it here.
import { useState } from "preact/hooks";
import { userStore } from "../../api/client";
import { acceptNotice, useNotice } from "../../api/privacy";
import { ErrorNote, Loading } from "../../components/Status";
import { NoticeText } from "../../components/NoticeText";
import { formatDate, t } from "../../i18n";
import { useStore } from "../../store";
import "./i18n";

function Accept({ version }: { version: string }) {
  const user = useStore(userStore);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  if (!user) return null;
  if (user.privacy_version === version)
    return <p class="saved-note">{t("privacy.accepted", { version })}</p>;

  async function accept() {
    setBusy(true);
    setError(null);
    try {
      await acceptNotice(version);
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="card stack">
      <ErrorNote error={error} />
      <button
        type="button"
        class="btn btn-primary"
        disabled={busy}
        onClick={accept}
      >
        {t("privacy.accept", { version })}
      </button>
    </div>
  );
}

export function Privacy() {
  const { data, error, loading, reload } = useNotice();
  if (!data)
    return (
      <section>
        <h1>{t("privacy.title")}</h1>
        {loading ? <Loading /> : <ErrorNote error={error} onRetry={reload} />}
      </section>
    );
  return (
    <article class="stack">
      <h1>{t("privacy.title")}</h1>
      <p class="muted">
        {t("privacy.version", {
          version: data.version,
          date: formatDate(`${data.published}T12:00:00Z`),
        })}
      </p>
      <NoticeText notice={data} />
      <p>
        <a class="more-link" href="/akun#persetujuan">
          {t("privacy.manage")}
        </a>
      </p>
      <Accept version={data.version} />
    </article>
  );
}

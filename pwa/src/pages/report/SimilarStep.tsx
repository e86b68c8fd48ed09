// Between location and review: an active incident of this kind around the pin first ("Sedang
// ditangani"), then open requests of the same service close by. Supporting one ("me too") often
// helps more than a second report; with nothing found this step passes by itself.
import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { localized } from "../../api/catalog";
import { ApiError, query, userStore } from "../../api/client";
import { type NearbyRequest, supportRequest } from "../../api/filing";
import { type PublicIncident, nearbyIncidentsPath } from "../../api/incidents";
import { useApi } from "../../api/use-api";
import { ErrorNote, Loading } from "../../components/Status";
import { formatDate, formatNumber, t } from "../../i18n";
import type { ReportDraft } from "../../offline/drafts";
import { useStore } from "../../store";
import { HandledIncidents } from "./HandledIncidents";
import { loginHere } from "./fields";

interface Props {
  draft: ReportDraft;
  /** Nothing close by (or no way to ask): go on to the review. */
  onNone: () => void;
  /** The person supported an existing request instead: the draft is done with. */
  onSupported: () => Promise<void>;
}

function excerpt(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export function SimilarStep({ draft, onNone, onSupported }: Props) {
  const user = useStore(userStore);
  const { route } = useLocation();
  const nearby = useApi<NearbyRequest[]>(
    `requests/nearby${query({
      lat: draft.lat,
      long: draft.long,
      service: draft.service!.code,
    })}`,
  );
  const handled = useApi<PublicIncident[]>(
    nearbyIncidentsPath(draft.lat!, draft.long!, draft.service!.code),
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const requests = nearby.data ?? [];
  const incidents = handled.data ?? [];
  const loading = nearby.loading || handled.loading;
  const none = !loading && requests.length === 0 && incidents.length === 0;

  useEffect(() => {
    if (none) onNone();
  }, [none, onNone]);

  if (loading || none) return <Loading />;

  async function support(code: string) {
    setBusy(code);
    setError(null);
    try {
      await supportRequest(code);
      await onSupported();
      route(`/laporan/${encodeURIComponent(code)}`);
    } catch (failure) {
      if (failure instanceof ApiError) setError(failure);
      setBusy(null);
    }
  }

  return (
    <div class="stack">
      {incidents.length ? (
        <HandledIncidents incidents={incidents} onJoin={onNone} />
      ) : null}
      {requests.length ? (
        <p>{t("report.similar.intro", { n: requests.length })}</p>
      ) : null}
      <ul class="list">
        {requests.map((item) => (
          <li key={item.code} class="card similar-item">
            <h3>
              <a href={`/laporan/${encodeURIComponent(item.code)}`}>
                {localized(item.service.name)} · {item.code}
              </a>
            </h3>
            <p class="muted">
              {t("report.similar.meta", {
                distance: formatNumber(item.distance_m),
                status: t(`status.${item.status}`),
                date: formatDate(item.created_at),
                count: item.supporter_count,
              })}
            </p>
            {item.description ? <p>{excerpt(item.description)}</p> : null}
            {item.photos[0] ? (
              <img
                src={item.photos[0].thumb_url}
                alt=""
                width={96}
                height={96}
              />
            ) : null}
            {item.viewer.has_supported || item.viewer.is_reporter ? (
              <p class="badge badge-ok">{t("report.similar.already")}</p>
            ) : user ? (
              <button
                type="button"
                class="btn btn-primary"
                disabled={busy !== null}
                onClick={() => void support(item.code)}
              >
                {busy === item.code
                  ? t("report.similar.supporting")
                  : t("report.similar.support")}
              </button>
            ) : (
              <a class="btn btn-primary" href={loginHere()}>
                {t("report.similar.loginToSupport")}
              </a>
            )}
          </li>
        ))}
      </ul>
      <ErrorNote error={error} />
      <p>{t("report.similar.orContinue")}</p>
    </div>
  );
}

// "Unduh data saya": a ZIP of everything tied to the account (UU PDP). Starting it makes the file on
// the server; the screen asks every two seconds until it is ready, then offers it until it expires.
import { useEffect, useState } from "preact/hooks";
import {
  type DataExport,
  downloadExport,
  exportState,
  startExport,
} from "../../api/privacy";
import { useSubmit } from "../../api/use-submit";
import { ErrorNote } from "../../components/Status";
import { formatDateTime, formatNumber, t } from "../../i18n";
import "./i18n";

const POLL_MS = 2000;

function Ready({ ready }: { ready: DataExport }) {
  const { busy, error, submit } = useSubmit();
  const kilobytes = formatNumber(
    Math.max(1, Math.round((ready.size ?? 0) / 1024)),
  );
  return (
    <div>
      <p>
        <button
          type="button"
          class="btn btn-primary"
          disabled={busy}
          onClick={() => void submit(() => downloadExport(ready))}
        >
          {t("account.exportDownload", { size: `${kilobytes} KB` })}
        </button>
      </p>
      <p class="hint">
        {t("account.exportExpires", {
          time: formatDateTime(ready.expires_at ?? ""),
        })}
      </p>
      <ErrorNote error={error} />
    </div>
  );
}

export function DataDownload() {
  const [state, setState] = useState<DataExport | null>(null);
  const { busy, error, submit } = useSubmit();

  useEffect(() => {
    exportState().then(setState, () => setState(null));
  }, []);
  useEffect(() => {
    if (state?.status !== "pending") return;
    const timer = window.setTimeout(
      () => exportState().then(setState, () => undefined),
      POLL_MS,
    );
    return () => window.clearTimeout(timer);
  }, [state]);

  async function start() {
    const started = await submit(startExport);
    if (started) setState(started);
  }

  const pending = state?.status === "pending";
  return (
    <section class="card account-section" aria-labelledby="export-title">
      <h2 id="export-title">{t("account.exportTitle")}</h2>
      <p>{t("account.exportIntro")}</p>
      {pending ? (
        <p class="export-progress" role="status">
          <progress aria-label={t("account.exportMaking")} />{" "}
          {t("account.exportMaking")}
        </p>
      ) : null}
      {state?.status === "failed" ? (
        <p class="error-note">{t("account.exportFailed")}</p>
      ) : null}
      {state?.status === "ready" ? <Ready ready={state} /> : null}
      {!pending ? (
        <button
          type="button"
          class="btn"
          disabled={busy}
          onClick={() => void start()}
        >
          {state?.status === "ready"
            ? t("account.exportAgain")
            : t("account.exportStart")}
        </button>
      ) : null}
      <ErrorNote error={error} />
    </section>
  );
}

// The official warnings in force and those waiting for an operator: headline, severity in words,
// area, expiry, the devices targeted and how far delivery has got (a bar and the same in words);
// a draft has "Kirim sekarang", asked once more before it sends.
import { useSubmit } from "../../api/use-submit";
import { Empty, ErrorNote } from "../../components/Status";
import { formatDateTime, formatNumber, t } from "../../i18n";
import { headlineOf } from "./warning-layer";
import {
  type OfficialWarning,
  deliveryOf,
  sendWarning,
  severityOf,
} from "./warnings-api";

function areaText(warning: OfficialWarning): string {
  if (warning.kelurahan.length === 0) return t("command.warnings.cityWide");
  return warning.kelurahan.map((k) => k.name).join(", ");
}

/** An earthquake's figures in one line: magnitude, depth, distance, where it was felt, tsunami. */
function quakeText(details: OfficialWarning["details"]): string {
  const { magnitude, depth_km, distance_km, felt, tsunami } = details;
  return [
    magnitude != null
      ? t("command.warnings.magnitude", { value: String(magnitude) })
      : null,
    depth_km != null
      ? t("command.warnings.depth", { km: String(depth_km) })
      : null,
    distance_km != null
      ? t("command.warnings.distance", { km: String(distance_km) })
      : null,
    felt ? t("command.warnings.felt", { where: String(felt) }) : null,
    tsunami ? String(tsunami) : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

function Delivery({ warning }: { warning: OfficialWarning }) {
  // A draft's campaign is a draft too: nothing has been counted or sent yet.
  if (warning.status === "draft" || warning.campaigns.length === 0) {
    return (
      <p class="muted">
        {t(
          warning.status === "draft"
            ? "command.warnings.waiting"
            : "command.warnings.noCampaign",
        )}
      </p>
    );
  }
  const { targeted, sent, failed, gone } = deliveryOf(warning);
  const done = sent + failed + gone;
  const said = t("command.warnings.delivery", {
    sent: formatNumber(sent),
    failed: formatNumber(failed),
    gone: formatNumber(gone),
    targeted: formatNumber(targeted),
    percent: formatNumber(targeted ? (done / targeted) * 100 : 100),
  });
  const statuses = [...new Set(warning.campaigns.map((c) => c.status))];
  return (
    <div>
      <p class="cc-warning-facts">
        {t("command.warnings.targeted", { count: formatNumber(targeted) })} ·{" "}
        {statuses
          .map((status) => t(`command.campaigns.status.${status}`))
          .join(", ")}
      </p>
      <progress
        class="cc-progress"
        max={Math.max(targeted, 1)}
        value={targeted ? done : 1}
        aria-label={said}
      />
      <p class="cc-warning-facts">{said}</p>
    </div>
  );
}

function SendNow({
  warning,
  onSent,
}: {
  warning: OfficialWarning;
  onSent: () => void;
}) {
  const { busy, error, submit } = useSubmit();
  const send = async () => {
    const sure = window.confirm(
      t("command.warnings.confirm", {
        headline: headlineOf(warning),
        area: areaText(warning),
      }),
    );
    if (!sure) return;
    const done = await submit(() => sendWarning(warning.id));
    if (done !== undefined) onSent();
  };
  return (
    <div class="stack">
      <button
        type="button"
        class="btn btn-primary btn-small"
        disabled={busy}
        onClick={() => void send()}
      >
        {busy ? t("command.warnings.sending") : t("command.warnings.sendNow")}
      </button>
      <ErrorNote error={error} />
    </div>
  );
}

export function WarningsPanel({
  warnings,
  onChanged,
}: {
  warnings: OfficialWarning[];
  onChanged: () => void;
}) {
  if (warnings.length === 0)
    return <Empty>{t("command.warnings.empty")}</Empty>;
  return (
    <ul class="cc-warnings">
      {warnings.map((warning) => (
        <li
          key={warning.id}
          class="cc-warning-item"
          data-warning={warning.identifier}
        >
          <h3 class="cc-warning-head">
            <span
              class={`badge cc-severity cc-severity-${severityOf(warning).toLowerCase()}`}
            >
              {t(`command.warnings.severity.${severityOf(warning)}`)}
            </span>
            {headlineOf(warning)}
          </h3>
          <p class="cc-warning-facts">
            {t(`command.warnings.status.${warning.status}`)} ·{" "}
            {t("command.warnings.area", { names: areaText(warning) })}
            {warning.expires_at
              ? ` · ${t("command.warnings.until", { time: formatDateTime(warning.expires_at) })}`
              : null}
          </p>
          {warning.kind === "earthquake" ? (
            <p class="cc-warning-facts">{quakeText(warning.details)}</p>
          ) : null}
          <Delivery warning={warning} />
          {warning.article ? (
            <p class="cc-warning-facts">
              <a
                class="more-link"
                href={`/berita/${encodeURIComponent(warning.article)}`}
              >
                {t("command.warnings.article")}
              </a>
            </p>
          ) : null}
          {warning.status === "draft" ? (
            <SendNow warning={warning} onSent={onChanged} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

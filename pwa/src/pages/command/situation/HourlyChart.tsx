// Linked reports per hour as plain SVG bars (it prints as crisp as the text), summed up in a
// sentence; a table lists the hours that had reports, for screen readers and for the paper.
import {
  cityZone,
  formatDateTime,
  formatNumber,
  language,
  t,
} from "../../../i18n";
import type { HourCount } from "./situation-api";

const WIDTH = 720;
const HEIGHT = 160;
const AXIS = 20; // room below the bars for the hour labels
const LABELS = 6; // hour labels along the axis, at most

function hourOf(iso: string): string {
  return new Intl.DateTimeFormat(language() === "id" ? "id-ID" : "en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: cityZone(),
  }).format(new Date(iso));
}

function summary(first: HourCount, hours: HourCount[]): string {
  const busiest = hours.reduce(
    (most, hour) => (hour.count > most.count ? hour : most),
    first,
  );
  return t("command.situation.hourly.summary", {
    total: formatNumber(hours.reduce((sum, hour) => sum + hour.count, 0)),
    hours: formatNumber(hours.length),
    most: formatNumber(busiest.count),
    at: formatDateTime(busiest.hour),
  });
}

function Bars({ hours }: { hours: HourCount[] }) {
  const most = Math.max(1, ...hours.map((hour) => hour.count));
  const step = WIDTH / hours.length;
  const every = Math.ceil(hours.length / LABELS);
  const height = (count: number) => ((HEIGHT - AXIS) * count) / most;
  return (
    <svg
      class="cc-hourly"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      aria-hidden="true"
    >
      <line
        x1={0}
        x2={WIDTH}
        y1={HEIGHT - AXIS}
        y2={HEIGHT - AXIS}
        class="cc-hourly-axis"
      />
      {hours.map((hour, index) => (
        <g key={hour.hour}>
          <rect
            class="cc-hourly-bar"
            x={index * step + step * 0.1}
            y={HEIGHT - AXIS - height(hour.count)}
            width={step * 0.8}
            height={height(hour.count)}
          />
          {index % every === 0 ? (
            <text x={index * step} y={HEIGHT - 5} class="cc-hourly-label">
              {hourOf(hour.hour)}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}

export function HourlyChart({ hours }: { hours: HourCount[] }) {
  const [first] = hours;
  if (!first) return null;
  const busy = hours.filter((hour) => hour.count > 0);
  return (
    <figure class="cc-figure">
      <Bars hours={hours} />
      <figcaption>{summary(first, hours)}</figcaption>
      {busy.length ? (
        <table class="cc-hourly-table">
          <caption class="visually-hidden">
            {t("command.situation.hourly.caption")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("command.situation.hourly.hour")}</th>
              <th scope="col">{t("command.situation.hourly.count")}</th>
            </tr>
          </thead>
          <tbody>
            {busy.map((hour) => (
              <tr key={hour.hour}>
                <td>
                  <time dateTime={hour.hour}>{formatDateTime(hour.hour)}</time>
                </td>
                <td>{formatNumber(hour.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </figure>
  );
}

// Created against resolved requests per city day, drawn by uPlot; a caption sums it up and a
// visually hidden table carries every day's numbers for screen readers. Today is still going on:
// its segment is dotted and labelled "today, not complete", so that it never reads as a collapse.
import type uPlot from "uplot";
import { useEffect, useRef, useState } from "preact/hooks";
import { formatDate, formatNumber, language, t } from "../../i18n";
import { zonedNow } from "../../i18n/zoned-time";
import type { TrendDay } from "./api";
import { loadUPlot, tokenColour } from "./uplot-loader";

type Values = (number | null)[];
type Series = [number[], Values, Values, Values, Values];

/** Whether the last day is the city's today, and so not complete yet. */
function endsToday(days: TrendDay[]): boolean {
  return days.at(-1)?.day === zonedNow().slice(0, 10);
}

/** Days are city dates ("2026-11-12"), plotted as UTC midnights and labelled in UTC. A partial
 * last day is drawn by its own two series (from the day before to today), dotted. */
function toSeries(days: TrendDay[]): Series {
  const partial = days.length > 1 && endsToday(days);
  const last = days.length - 1;
  const whole = (values: number[]): Values =>
    values.map((n, i) => (partial && i === last ? null : n));
  const today = (values: number[]): Values =>
    values.map((n, i) => (partial && i >= last - 1 ? n : null));
  const created = days.map((d) => d.created);
  const resolved = days.map((d) => d.resolved);
  return [
    days.map((d) => Date.parse(`${d.day}T00:00:00Z`) / 1000),
    whole(created),
    whole(resolved),
    today(created),
    today(resolved),
  ];
}

function options(
  U: typeof uPlot,
  width: number,
  height: number,
): uPlot.Options {
  const dayLabel = new Intl.DateTimeFormat(
    language() === "id" ? "id-ID" : "en-GB",
    {
      day: "numeric",
      month: "short",
      timeZone: "UTC",
    },
  );
  const text = tokenColour("--color-text-muted", "#4a5563");
  const grid = tokenColour("--color-border", "#c9d3df");
  const axis = {
    stroke: text,
    grid: { stroke: grid, width: 1 },
    ticks: { stroke: grid },
  };
  return {
    width,
    height,
    legend: { show: false },
    tzDate: (ts) => U.tzDate(new Date(ts * 1000), "Etc/UTC"),
    scales: {
      x: { time: true },
      y: { range: (_u, _min, max) => [0, Math.max(4, max)] },
    },
    axes: [
      {
        ...axis,
        values: (_u, splits) =>
          splits.map((ts) => dayLabel.format(new Date(ts * 1000))),
      },
      { ...axis, values: (_u, splits) => splits.map((n) => formatNumber(n)) },
    ],
    series: [
      {},
      {
        label: t("command.trend.created"),
        stroke: tokenColour("--color-link", "#0b4f8a"),
        width: 2,
      },
      {
        label: t("command.trend.resolved"),
        stroke: tokenColour("--color-success", "#1b6b34"),
        width: 2,
        dash: [8, 5],
      },
      {
        label: `${t("command.trend.created")} (${t("command.trend.partial")})`,
        stroke: tokenColour("--color-link", "#0b4f8a"),
        width: 2,
        dash: [2, 4],
      },
      {
        label: `${t("command.trend.resolved")} (${t("command.trend.partial")})`,
        stroke: tokenColour("--color-success", "#1b6b34"),
        width: 2,
        dash: [2, 4],
      },
    ],
  };
}

function Summary({ days }: { days: TrendDay[] }) {
  const created = days.reduce((sum, d) => sum + d.created, 0);
  const resolved = days.reduce((sum, d) => sum + d.resolved, 0);
  const busiest = days.reduce<TrendDay | undefined>(
    (best, d) => (!best || d.created > best.created ? d : best),
    undefined,
  );
  return (
    <figcaption>
      {t("command.trend.summary", {
        days: days.length,
        created: formatNumber(created),
        resolved: formatNumber(resolved),
      })}
      {busiest && busiest.created > 0
        ? ` ${t("command.trend.busiest", {
            day: formatDate(`${busiest.day}T12:00:00Z`, "UTC"),
            count: formatNumber(busiest.created),
          })}`
        : null}
      {endsToday(days) ? ` ${t("command.trend.partialNote")}` : null}
    </figcaption>
  );
}

export function TrendChart({ days }: { days: TrendDay[] }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(days);
  latest.current = days;
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let observer: ResizeObserver | undefined;
    let cancelled = false;
    loadUPlot()
      .then((U) => {
        const element = box.current;
        if (cancelled || !element) return;
        const size = () => ({
          width: element.clientWidth,
          height: element.clientHeight,
        });
        const { width, height } = size();
        plot.current = new U(
          options(U, width, height),
          toSeries(latest.current),
          element,
        );
        observer = new ResizeObserver(() => plot.current?.setSize(size()));
        observer.observe(element);
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      observer?.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, []);

  // A refresh redraws the same canvas: no flicker.
  useEffect(() => {
    plot.current?.setData(toSeries(days));
  }, [days]);

  return (
    <figure class="cc-figure">
      <ul class="cc-legend" aria-hidden="true">
        <li class="cc-legend-created">{t("command.trend.created")}</li>
        <li class="cc-legend-resolved">{t("command.trend.resolved")}</li>
        {endsToday(days) ? (
          <li class="cc-legend-partial">{t("command.trend.partial")}</li>
        ) : null}
      </ul>
      <div ref={box} class="cc-chart" aria-hidden="true" />
      {failed ? <p class="muted">{t("command.chartFailed")}</p> : null}
      <Summary days={days} />
      {/* A table ignores a clip on itself: the wrapper hides it. */}
      <div class="visually-hidden">
        <table>
          <caption>{t("command.trend.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("command.trend.day")}</th>
              <th scope="col">{t("command.trend.created")}</th>
              <th scope="col">{t("command.trend.resolved")}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d, i) => (
              <tr key={d.day}>
                <th scope="row">
                  {formatDate(`${d.day}T12:00:00Z`, "UTC")}
                  {i === days.length - 1 && endsToday(days)
                    ? ` (${t("command.trend.partial")})`
                    : null}
                </th>
                <td>{formatNumber(d.created)}</td>
                <td>{formatNumber(d.resolved)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

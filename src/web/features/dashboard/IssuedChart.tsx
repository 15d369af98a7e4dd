import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { DailyCount } from "../../../core/dashboard/dashboard.types.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDay, formatNumber } from "../../lib/format.ts";

const WIDTH = 300;
const HEIGHT = 100;
const GAP = 0.25;

/** A round top for the scale (1, 2, 5, 10, 20, 50…) so the gridline label is a friendly number. */
function niceMax(max: number): number {
  if (max <= 1) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  const nice = [1, 2, 5, 10].map((m) => m * step).find((v) => v >= max);
  return nice ?? 10 * step;
}

/**
 * Documents issued per day as an inline SVG bar chart. Screen readers get a one-sentence summary
 * as the image's name and the full figures in a table only they see.
 */
export function IssuedChart({ days }: { days: DailyCount[] }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const summaryId = useId();
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const busiest = days.reduce<DailyCount | null>((top, d) => (top && top.count >= d.count ? top : d), null);
  const top = niceMax(busiest?.count ?? 0);
  const slot = WIDTH / Math.max(days.length, 1);
  const summary =
    total === 0 || !busiest
      ? t("dashboard.chartEmpty")
      : t("dashboard.chartSummary", {
          total: formatNumber(total, lang),
          day: formatDay(busiest.date, lang, true),
          count: formatNumber(busiest.count, lang),
        });
  const first = days[0];
  const last = days.at(-1);

  return (
    <figure className="issued-chart">
      <div className="issued-chart-plot">
        <span className="issued-chart-top" aria-hidden="true">
          {formatNumber(top, lang)}
        </span>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-labelledby={summaryId}
          focusable="false"
        >
          <title>{summary}</title>
          <line className="issued-chart-grid" x1="0" x2={WIDTH} y1="0.5" y2="0.5" />
          <line className="issued-chart-grid" x1="0" x2={WIDTH} y1={HEIGHT / 2} y2={HEIGHT / 2} />
          <line className="issued-chart-axis" x1="0" x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} />
          {days.map((d, i) => {
            const h = d.count === 0 ? 0 : Math.max((d.count / top) * HEIGHT, 1.5);
            return (
              <rect
                key={d.date}
                className="issued-chart-bar"
                x={i * slot + (slot * GAP) / 2}
                y={HEIGHT - h}
                width={slot * (1 - GAP)}
                height={h}
              >
                <title>
                  {t("dashboard.barTitle", {
                    day: formatDay(d.date, lang),
                    count: formatNumber(d.count, lang),
                  })}
                </title>
              </rect>
            );
          })}
        </svg>
        <span className="issued-chart-zero" aria-hidden="true">
          0
        </span>
      </div>
      {first && last && (
        <div className="issued-chart-dates" aria-hidden="true">
          <span>{formatDay(first.date, lang)}</span>
          <span>{formatDay(last.date, lang)}</span>
        </div>
      )}
      <figcaption id={summaryId} className="issued-chart-summary">
        {summary}
      </figcaption>
      {/* A table ignores width: 1px, so the wrapper is what gets hidden. */}
      <div className="visually-hidden">
        <table>
          <caption>{t("dashboard.chartTableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.day")}</th>
              <th scope="col">{t("dashboard.count")}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{formatDay(d.date, lang, true)}</th>
                <td>{formatNumber(d.count, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

import type { CsatResults } from "../../../../convex/lib/engagementResultViews";
import { ChartFigure } from "./chart-figure";
import { linePath, linePoints, niceMax } from "./scale";

const WIDTH = 600;
const HEIGHT = 160;

/** Ratings per day as columns, the day's average (1–5) as a line over them. */
export function CsatChart({ csat }: { csat: CsatResults }) {
  const top = niceMax(Math.max(0, ...csat.daily.map((day) => day.count)));
  const slot = WIDTH / Math.max(1, csat.daily.length);
  const averages = linePoints(
    csat.daily.map((day) => day.average),
    WIDTH - slot,
    HEIGHT,
    5,
  ).map((point) => (point === null ? null : { x: point.x + slot / 2, y: point.y }));
  const rated = csat.daily.filter((day) => day.count > 0);
  const title = `Satisfaction, last ${csat.days} days`;
  const summary =
    rated.length === 0
      ? `${title}: no ratings yet.`
      : `${title}: ${csat.total.count} ratings, average ${csat.total.average} of 5. ` +
        rated.map((day) => `${day.day}: ${day.count} ratings, average ${day.average}`).join("; ");
  return (
    <ChartFigure
      title={title}
      summary={summary}
      table={{
        columns: ["Day", "Ratings", "Average", "1★", "2★", "3★", "4★", "5★"],
        rows: rated.map((day) => [day.day, day.count, day.average ?? "", ...day.ratings]),
      }}
    >
      <svg class="csat-svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
        {csat.daily.map((day, index) =>
          day.count === 0 ? null : (
            <rect
              key={day.day}
              class="csat-column"
              x={index * slot + slot * 0.15}
              width={slot * 0.7}
              y={HEIGHT - (day.count / top) * HEIGHT}
              height={(day.count / top) * HEIGHT}
            />
          ),
        )}
        <path class="csat-line" d={linePath(averages)} />
      </svg>
      <p class="csat-axis">
        <span>{csat.from}</span>
        <span>
          Columns: ratings (top {top}); line: average, 1–5
        </span>
        <span>{csat.daily[csat.daily.length - 1]?.day}</span>
      </p>
    </ChartFigure>
  );
}

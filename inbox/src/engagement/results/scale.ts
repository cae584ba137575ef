/*
 * The arithmetic of the results charts, apart from any DOM: bar lengths, percentages,
 * axis tops and the points of a line. Every chart draws from these, so the picture and its
 * table fallback always say the same numbers.
 */

/** A share of a whole as a whole percentage; 0 when the whole is 0. */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0 || part <= 0) return 0;
  return Math.round((part / whole) * 100);
}

/**
 * A round number at or above `max` for an axis top (1, 2, 5 × a power of ten), so bars of
 * small counts do not all fill the chart. At least 1, so an empty chart has a scale.
 */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= max) return step * power;
  }
  return 10 * power;
}

/** Each value's bar length in percent of the chart's width, against a shared top. */
export function barPercents(values: readonly number[], top = niceMax(Math.max(0, ...values))): number[] {
  return values.map((value) => (top <= 0 ? 0 : Math.min(100, Math.max(0, (value / top) * 100))));
}

export type Point = { x: number; y: number };

/**
 * The points of a line over `values` in a `width` × `height` box (y grows downwards, as in
 * SVG), from 0 at the bottom to `top` at the top; null values (days without data) make gaps.
 */
export function linePoints(values: ReadonlyArray<number | null>, width: number, height: number, top: number): Array<Point | null> {
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values.map((value, index) =>
    value === null ? null : { x: round(values.length > 1 ? index * step : width / 2), y: round(height - (Math.min(value, top) / top) * height) },
  );
}

/** SVG path data for the line, starting a new segment after each gap. */
export function linePath(points: ReadonlyArray<Point | null>): string {
  let path = "";
  let drawing = false;
  for (const point of points) {
    if (point === null) {
      drawing = false;
      continue;
    }
    path += `${drawing ? "L" : "M"}${point.x} ${point.y}`;
    drawing = true;
  }
  return path;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** "3 of 10 (30%)": how screen readers and tables read a share. */
export function shareText(part: number, whole: number): string {
  return whole > 0 ? `${part} of ${whole} (${percentOf(part, whole)}%)` : String(part);
}

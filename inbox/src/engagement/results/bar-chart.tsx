import { ChartFigure, type TableData } from "./chart-figure";
import { barPercents, percentOf, shareText } from "./scale";

export type Bar = { label: string; value: number };

type Props = {
  title: string;
  bars: readonly Bar[];
  /** Bars as shares of this whole (a funnel's first step, the number of responses); shown in the table. */
  of?: number | undefined;
  /** The table's name for the value column. @default "Count" */
  valueLabel?: string;
};

/** Horizontal bars, one per label (a funnel, a distribution), with their numbers beside them. */
export function BarChart({ title, bars, of, valueLabel = "Count" }: Props) {
  const lengths = barPercents(bars.map((bar) => bar.value));
  const spoken = bars.map((bar) => `${bar.label}: ${of === undefined ? bar.value : shareText(bar.value, of)}`).join("; ");
  const table: TableData = {
    columns: of === undefined ? ["", valueLabel] : ["", valueLabel, "Share"],
    rows: bars.map((bar) => (of === undefined ? [bar.label, bar.value] : [bar.label, bar.value, `${percentOf(bar.value, of)}%`])),
  };
  return (
    <ChartFigure title={title} summary={`${title}. ${bars.length === 0 ? "No data." : spoken}`} table={table}>
      <div class="bars">
        {bars.map((bar, index) => (
          <div class="bar-row" key={`${bar.label}-${index}`}>
            <span class="bar-label">{bar.label}</span>
            <span class="bar-track">
              <span class="bar-fill" style={{ width: `${lengths[index] ?? 0}%` }} />
            </span>
            <span class="bar-value">
              {bar.value}
              {of !== undefined && of > 0 ? <span class="bar-share"> ({percentOf(bar.value, of)}%)</span> : null}
            </span>
          </div>
        ))}
      </div>
    </ChartFigure>
  );
}

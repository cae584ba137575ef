import type { ComponentChildren } from "preact";

export type TableData = { columns: readonly string[]; rows: ReadonlyArray<ReadonlyArray<string | number>> };

type Props = {
  /** The chart's name: the figure's caption and the table's. */
  title: string;
  /** What the picture shows, in words, for screen readers (the picture is one image to them). */
  summary: string;
  table: TableData;
  children: ComponentChildren;
};

/**
 * One chart: a figure named by its caption, the picture as a single image with a spoken
 * summary, and the same numbers as a table behind "Show as table".
 */
export function ChartFigure({ title, summary, table, children }: Props) {
  return (
    <figure class="result-chart">
      <figcaption>{title}</figcaption>
      <div role="img" aria-label={summary} class="result-picture">
        {children}
      </div>
      <details>
        <summary>
          Show as table<span class="visually-hidden">: {title}</span>
        </summary>
        <ResultTable caption={title} table={table} />
      </details>
    </figure>
  );
}

export function ResultTable({ caption, table }: { caption: string; table: TableData }) {
  return (
    <table class="result-table">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {table.columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, index) => (
          <tr key={index}>
            {row.map((cell, column) =>
              column === 0 ? (
                <th scope="row" key={column}>
                  {cell}
                </th>
              ) : (
                <td key={column}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

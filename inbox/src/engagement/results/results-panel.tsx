import { useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import { errorMessage, useQuery } from "../../use-convex";
import { CsatChart } from "./csat-chart";
import { ItemResults } from "./item-results";
import "./results.css";

export type ResultsType = "tour" | "tooltip" | "outbound" | "survey" | "checklist";

/**
 * How one engagement item does, live: the numbers arrive over the item's subscription as
 * visitors act. Every chart has a table with the same numbers behind "Show as table".
 */
export function ResultsPanel({ workspaceId, type, id }: { workspaceId: string; type: ResultsType; id: string }) {
  const { data, error } = useQuery(api.engagementResults.get, { workspaceId, type, id });
  return (
    <section class="results-panel" aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      {error !== null && (
        <p class="error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {data === undefined ? error === null && <p class="loading">Loading results…</p> : <ItemResults results={data} />}
    </section>
  );
}

const PERIODS = [7, 30, 90] as const;

/** Satisfaction ratings over the last 7, 30 or 90 days, live. */
export function CsatResults({ workspaceId }: { workspaceId: string }) {
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const { data, error } = useQuery(api.engagementResults.csat, { workspaceId, days });
  return (
    <section class="results-panel" aria-labelledby="csat-heading">
      <h2 id="csat-heading">Satisfaction (CSAT)</h2>
      <div class="modes" role="group" aria-label="Period">
        {PERIODS.map((period) => (
          <button type="button" key={period} aria-pressed={period === days} onClick={() => setDays(period)}>
            {period} days
          </button>
        ))}
      </div>
      {error !== null && (
        <p class="error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {data === undefined ? (
        error === null && <p class="loading">Loading ratings…</p>
      ) : (
        <>
          <dl class="result-totals">
            <div>
              <dt>Ratings</dt>
              <dd>{data.total.count}</dd>
            </div>
            <div>
              <dt>Average</dt>
              <dd>{data.total.average ?? "–"}</dd>
            </div>
          </dl>
          <CsatChart csat={data} />
        </>
      )}
    </section>
  );
}

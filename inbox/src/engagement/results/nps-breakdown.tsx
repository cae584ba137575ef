import type { NpsSummary } from "../../../../convex/lib/engagementResultViews";
import { ChartFigure } from "./chart-figure";
import { percentOf } from "./scale";

const GROUPS = [
  { key: "detractors", label: "Detractors (0–6)" },
  { key: "passives", label: "Passives (7–8)" },
  { key: "promoters", label: "Promoters (9–10)" },
] as const;

/** The NPS score, and one bar split into detractors, passives and promoters. */
export function NpsBreakdown({ title, nps }: { title: string; nps: NpsSummary }) {
  const score = nps.score === null ? "no answers yet" : String(nps.score);
  const spoken = GROUPS.map((group) => `${group.label}: ${nps[group.key]} (${percentOf(nps[group.key], nps.responses)}%)`).join("; ");
  return (
    <ChartFigure
      title={title}
      summary={`${title}: NPS ${score}. ${spoken}`}
      table={{
        columns: ["", "Responses", "Share"],
        rows: [...GROUPS.map((group) => [group.label, nps[group.key], `${percentOf(nps[group.key], nps.responses)}%`]), ["NPS", score, ""]],
      }}
    >
      <p class="nps-score">
        NPS <strong>{score}</strong>
      </p>
      <div class="nps-bar">
        {GROUPS.map((group) =>
          nps[group.key] > 0 ? (
            <span key={group.key} class={`nps-${group.key}`} style={{ width: `${percentOf(nps[group.key], nps.responses)}%` }} />
          ) : null,
        )}
      </div>
      <ul class="nps-legend">
        {GROUPS.map((group) => (
          <li key={group.key}>
            <span class={`swatch nps-${group.key}`} /> {group.label}: {nps[group.key]}
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}

/// <reference types="vite/client" />
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { ContentType } from "../../../core/engagement/content-types";

export type ResultsPanelProps = { workspaceId: string; type: ContentType; id: string };

/*
 * The item page's "Results" section: results/results-panel.tsx (its `ResultsPanel`) when
 * that folder is part of the build, nothing otherwise. Loaded lazily: the charts are not
 * needed to edit.
 */
const panels = import.meta.glob<{ ResultsPanel: ComponentType<PanelProps> }>("./results/results-panel.tsx");

/** The results API names each type in the singular, as its events do. */
const RESULTS_TYPE: Record<ContentType, string> = {
  tours: "tour",
  tooltips: "tooltip",
  outboundMessages: "outbound",
  surveys: "survey",
  checklists: "checklist",
};
type PanelProps = { workspaceId: string; type: string; id: string };

export function ResultsSlot(props: ResultsPanelProps) {
  const [Panel, setPanel] = useState<ComponentType<PanelProps> | null>(null);
  useEffect(() => {
    const load = Object.values(panels)[0];
    if (load === undefined) return;
    let live = true;
    void load().then((module) => live && setPanel(() => module.ResultsPanel));
    return () => {
      live = false;
    };
  }, []);
  if (Panel === null) return null;
  return (
    <section class="card stack" aria-labelledby="item-results-heading">
      <h2 id="item-results-heading">Results</h2>
      <Panel {...props} type={RESULTS_TYPE[props.type]} />
    </section>
  );
}

import { api } from "../../../convex/_generated/api";
import { hrefOf, NEW_ITEM } from "../routes";
import { useQuery } from "../use-convex";
import { EditorShell } from "./editor-shell";
import type { EngagementType } from "./types";

/** `#/engagement/<type>/<id>` (live: changes made elsewhere arrive as they happen) or `…/new`. */
export function ItemPage({ workspaceId, entry, itemId }: { workspaceId: string; entry: EngagementType; itemId: string }) {
  const isNew = itemId === NEW_ITEM;
  const { data: item, error } = useQuery(api.engagementStudio.get, isNew ? "skip" : { workspaceId, type: entry.type, id: itemId });
  // Keyed by type too: going from one type's "new" page to another's must start a fresh draft.
  if (isNew) return <EditorShell key={`${entry.type}:${NEW_ITEM}`} workspaceId={workspaceId} entry={entry} item={null} />;
  if (error !== null && item === undefined) return <p class="error" role="alert">{error.message}</p>;
  if (item === undefined) return <p class="loading">Loading…</p>;
  if (item === null) {
    return (
      <p class="empty">
        This item no longer exists. <a href={hrefOf({ screen: "engagement", type: entry.type, item: null })}>Back to {entry.label.toLowerCase()}</a>
      </p>
    );
  }
  return <EditorShell key={item.id} workspaceId={workspaceId} entry={entry} item={item} />;
}

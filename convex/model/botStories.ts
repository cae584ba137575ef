import { validateStory } from "../../core/bots";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { invalidArgument } from "../lib/errors";

/* Reading and checking stories, for the REST API (botAdmin.ts) and the inbox's Bots settings (botSettings.ts). */

export async function findRow<T extends "botConnections" | "botStories">(db: DatabaseReader, table: T, workspaceId: Id<"workspaces">, id: string) {
  const normalized = db.normalizeId(table, id);
  const row = normalized === null ? null : ((await db.get(table, normalized)) as Doc<T> | null);
  return row !== null && row.workspaceId === workspaceId ? row : null;
}

export async function storyName(db: DatabaseReader, storyId: Id<"botStories">): Promise<string> {
  return (await db.get("botStories", storyId))?.name ?? "";
}

export type StoryView = { id: string; name: string; startNodeId: string; nodes: unknown[]; active: boolean; createdAt: number; updatedAt: number };

export async function activeStoryRow(db: DatabaseReader, workspaceId: Id<"workspaces">) {
  return await db
    .query("botActiveStories")
    .withIndex("by_workspace", (q) => q.eq("workspaceId", workspaceId))
    .unique();
}

export function storyView(row: Doc<"botStories">, activeId: Id<"botStories"> | undefined): StoryView {
  return {
    id: row._id,
    name: row.name,
    startNodeId: row.startNodeId,
    nodes: row.nodes as unknown[],
    active: row._id === activeId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Checks a story as core/bots does; the error names the node's path and field (`nodes[2].next`). */
export function checkedStory(raw: unknown) {
  const checked = validateStory(raw);
  if (!checked.ok) throw invalidArgument(checked.path, checked.message);
  return checked.value;
}


/** Picks the story that greets new conversations (null: none). */
export async function setActiveStory(db: DatabaseWriter, workspaceId: Id<"workspaces">, storyId: string | null): Promise<string | null> {
  const active = await activeStoryRow(db, workspaceId);
  if (storyId === null) {
    if (active !== null) await db.delete("botActiveStories", active._id);
    return null;
  }
  const row = await findRow(db, "botStories", workspaceId, storyId);
  if (row === null) throw invalidArgument("storyId", "storyId names no story of this workspace.");
  if (active === null) await db.insert("botActiveStories", { workspaceId, storyId: row._id, updatedAt: Date.now() });
  else await db.patch("botActiveStories", active._id, { storyId: row._id, updatedAt: Date.now() });
  return row._id;
}

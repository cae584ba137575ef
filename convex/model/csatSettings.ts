import type { Id } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";
import { CSAT_DEFAULTS, type CsatSettings } from "../lib/csatSettings";

/** The workspace's CSAT settings, the defaults when it never saved any. */
export async function csatSettingsOf(db: DatabaseReader, workspaceId: Id<"workspaces">): Promise<CsatSettings> {
  const row = await db
    .query("csatSettings")
    .withIndex("by_workspace", (q) => q.eq("workspaceId", workspaceId))
    .unique();
  if (row === null) return { ...CSAT_DEFAULTS };
  return { enabled: row.enabled, question: row.question, commentPrompt: row.commentPrompt, offerForDays: row.offerForDays };
}

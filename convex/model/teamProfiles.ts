import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { pickTeamFaces, type TeamFace } from "../lib/teamFaces";
import { siteUrl } from "../lib/siteUrl";

/** A large team still costs boot a bounded read. */
const MEMBERS_READ = 200;

export async function findTeamProfile(db: DatabaseReader, workspaceId: Id<"workspaces">, userId: Id<"users">): Promise<Doc<"teamProfiles"> | null> {
  return await db
    .query("teamProfiles")
    .withIndex("by_workspace_user", (q) => q.eq("workspaceId", workspaceId).eq("userId", userId))
    .unique();
}

/** Creates the operator's profile row on first use, then patches it. */
export async function patchTeamProfile(
  db: DatabaseWriter,
  workspaceId: Id<"workspaces">,
  userId: Id<"users">,
  patch: Partial<Pick<Doc<"teamProfiles">, "avatar" | "avatarKey" | "lastRepliedAt">>,
): Promise<Doc<"teamProfiles"> | null> {
  const existing = await findTeamProfile(db, workspaceId, userId);
  if (existing === null) {
    await db.insert("teamProfiles", { workspaceId, userId, ...patch });
  } else {
    await db.patch("teamProfiles", existing._id, patch);
  }
  return existing;
}

/** The team as the messenger's Home shows it (boot's settings carry it). */
export async function teamFaces(db: DatabaseReader, workspaceId: Id<"workspaces">): Promise<TeamFace[]> {
  const members = await db
    .query("members")
    .withIndex("by_workspace_user", (q) => q.eq("workspaceId", workspaceId))
    .take(MEMBERS_READ);
  const profiles = await db
    .query("teamProfiles")
    .withIndex("by_workspace_user", (q) => q.eq("workspaceId", workspaceId))
    .take(MEMBERS_READ);
  const byUser = new Map(profiles.map((profile) => [profile.userId, profile]));
  return pickTeamFaces(
    members.map((member) => {
      const profile = byUser.get(member.userId);
      return {
        userId: member.userId,
        name: member.name,
        ...(profile?.avatarKey !== undefined ? { avatarKey: profile.avatarKey } : {}),
        ...(profile?.lastRepliedAt !== undefined ? { lastRepliedAt: profile.lastRepliedAt } : {}),
      };
    }),
    siteUrl(),
  );
}

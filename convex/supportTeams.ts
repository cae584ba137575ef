import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { mutation, query, type QueryCtx } from "./_generated/server";
import { appError, invalidArgument } from "./lib/errors";
import { requireOperator } from "./model/operatorAccess";
import { findInWorkspace } from "./model/engagement";
import { findMember } from "./model/members";

/*
 * Support teams of a workspace: tickets are routed to one, and their SLA
 * clocks time the wait for an assignee within it. Members list them; admins
 * manage them.
 */

const TEAM_NAME_MAX = 80;
const TEAMS_MAX = 100;
const TEAM_MEMBERS_MAX = 200;

export type SupportTeamView = { id: string; name: string; createdAt: number; memberIds: string[] };

async function view(ctx: QueryCtx, team: Doc<"supportTeams">): Promise<SupportTeamView> {
  return { id: team._id, name: team.name, createdAt: team.createdAt, memberIds: (await membershipsOf(ctx, team._id)).map((row) => row.userId) };
}

/** By name, each with the user ids of its members. */
export const list = query({
  args: { workspaceId: v.id("workspaces") },
  handler: async (ctx, args): Promise<SupportTeamView[]> => {
    await requireOperator(ctx, args.workspaceId);
    return await Promise.all((await teamsOf(ctx, args.workspaceId)).map((team) => view(ctx, team)));
  },
});

export const create = mutation({
  args: { workspaceId: v.id("workspaces"), name: v.string() },
  handler: async (ctx, args): Promise<SupportTeamView> => {
    await requireOperator(ctx, args.workspaceId, "admin");
    const teams = await teamsOf(ctx, args.workspaceId);
    if (teams.length >= TEAMS_MAX) throw appError("CONFLICT", `A workspace has at most ${TEAMS_MAX} support teams.`, "name");
    const name = uniqueName(teams, args.name);
    const now = Date.now();
    const id = await ctx.db.insert("supportTeams", { workspaceId: args.workspaceId, name, createdAt: now, updatedAt: now });
    return { id, name, createdAt: now, memberIds: [] };
  },
});

export const rename = mutation({
  args: { workspaceId: v.id("workspaces"), teamId: v.string(), name: v.string() },
  handler: async (ctx, args): Promise<SupportTeamView> => {
    await requireOperator(ctx, args.workspaceId, "admin");
    const team = await teamIn(ctx, args.workspaceId, args.teamId);
    const name = uniqueName((await teamsOf(ctx, args.workspaceId)).filter((other) => other._id !== team._id), args.name);
    await ctx.db.patch(team._id, { name, updatedAt: Date.now() });
    return { ...(await view(ctx, team)), name };
  },
});

/** Replaces the team's members; every user must be a member of the workspace. */
export const setMembers = mutation({
  args: { workspaceId: v.id("workspaces"), teamId: v.string(), userIds: v.array(v.string()) },
  handler: async (ctx, args): Promise<SupportTeamView> => {
    await requireOperator(ctx, args.workspaceId, "admin");
    const team = await teamIn(ctx, args.workspaceId, args.teamId);
    if (args.userIds.length > TEAM_MEMBERS_MAX) throw invalidArgument("userIds", `A team has at most ${TEAM_MEMBERS_MAX} members.`);
    const wanted = new Set<Id<"users">>();
    for (const raw of args.userIds) {
      const userId = ctx.db.normalizeId("users", raw);
      if (userId === null || (await findMember(ctx.db, args.workspaceId, userId)) === null) {
        throw invalidArgument("userIds", "Every team member must be a member of the workspace.");
      }
      wanted.add(userId);
    }
    const current = await membershipsOf(ctx, team._id);
    for (const row of current) if (!wanted.has(row.userId)) await ctx.db.delete(row._id);
    const kept = new Set(current.map((row) => row.userId));
    const now = Date.now();
    for (const userId of wanted) {
      if (!kept.has(userId)) await ctx.db.insert("supportTeamMembers", { workspaceId: args.workspaceId, teamId: team._id, userId, addedAt: now });
    }
    return await view(ctx, team);
  },
});

/** Refused (CONFLICT) while tickets are routed to the team: move them first, so no ticket's history loses its team. */
export const remove = mutation({
  args: { workspaceId: v.id("workspaces"), teamId: v.string() },
  handler: async (ctx, args): Promise<null> => {
    await requireOperator(ctx, args.workspaceId, "admin");
    const team = await teamIn(ctx, args.workspaceId, args.teamId);
    const routed = await ctx.db
      .query("tickets")
      .withIndex("by_workspace_team", (q) => q.eq("workspaceId", args.workspaceId).eq("supportTeamId", team._id))
      .first();
    if (routed !== null) throw appError("CONFLICT", "Tickets are still routed to this team; move them first.", "teamId");
    for (const row of await membershipsOf(ctx, team._id)) await ctx.db.delete(row._id);
    await ctx.db.delete(team._id);
    return null;
  },
});

async function teamsOf(ctx: QueryCtx, workspaceId: Id<"workspaces">): Promise<Doc<"supportTeams">[]> {
  return await ctx.db
    .query("supportTeams")
    .withIndex("by_workspace_name", (q) => q.eq("workspaceId", workspaceId))
    .take(TEAMS_MAX);
}

async function membershipsOf(ctx: QueryCtx, teamId: Id<"supportTeams">): Promise<Doc<"supportTeamMembers">[]> {
  return await ctx.db
    .query("supportTeamMembers")
    .withIndex("by_team_user", (q) => q.eq("teamId", teamId))
    .take(TEAM_MEMBERS_MAX);
}

async function teamIn(ctx: QueryCtx, workspaceId: Id<"workspaces">, teamId: string): Promise<Doc<"supportTeams">> {
  const team = await findInWorkspace(ctx.db, "supportTeams", workspaceId, teamId);
  if (team === null) throw appError("NOT_FOUND", "Support team not found.", "teamId");
  return team;
}

/** Trimmed, 1–80 characters, unique in the workspace regardless of case. */
function uniqueName(others: readonly Doc<"supportTeams">[], raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > TEAM_NAME_MAX) throw invalidArgument("name", `name must be 1–${TEAM_NAME_MAX} characters.`);
  if (others.some((team) => team.name.toLowerCase() === name.toLowerCase())) throw appError("CONFLICT", `A team named "${name}" exists already.`, "name");
  return name;
}

import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { mutation, query, type QueryCtx } from "./_generated/server";
import { appError, invalidArgument } from "./lib/errors";
import { requireOperator } from "./model/operatorAccess";
import { findInWorkspace } from "./model/engagement";

/*
 * Support teams of a workspace: tickets are routed to one, and their SLA
 * clocks time the wait for an assignee within it. Members list them; admins
 * manage them.
 */

const TEAM_NAME_MAX = 80;
const TEAMS_MAX = 100;

export type SupportTeamView = { id: string; name: string; createdAt: number };

const view = (team: Doc<"supportTeams">): SupportTeamView => ({ id: team._id, name: team.name, createdAt: team.createdAt });

/** By name. */
export const list = query({
  args: { workspaceId: v.id("workspaces") },
  handler: async (ctx, args): Promise<SupportTeamView[]> => {
    await requireOperator(ctx, args.workspaceId);
    return (await teamsOf(ctx, args.workspaceId)).map(view);
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
    return { id, name, createdAt: now };
  },
});

export const rename = mutation({
  args: { workspaceId: v.id("workspaces"), teamId: v.string(), name: v.string() },
  handler: async (ctx, args): Promise<SupportTeamView> => {
    await requireOperator(ctx, args.workspaceId, "admin");
    const team = await teamIn(ctx, args.workspaceId, args.teamId);
    const name = uniqueName((await teamsOf(ctx, args.workspaceId)).filter((other) => other._id !== team._id), args.name);
    await ctx.db.patch(team._id, { name, updatedAt: Date.now() });
    return { ...view(team), name };
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

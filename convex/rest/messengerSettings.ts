import { z } from "zod";
import { internal } from "../_generated/api";
import { MESSENGER_TAB_IDS, messengerPatchSchema } from "../lib/messengerPatch";
import { errorResponse, jsonResponse } from "./responses";
import { defineRoute, type Route } from "./route";
import { defined } from "./restHelpers";
import { dataOf } from "./views";
import { callerActor, callerName } from "./auth";

/*
 * GET / PATCH /api/v1/workspace/messenger: look (colour, theme, launcher side),
 * copy (greeting, team name, offline message), tabs and their audiences, office
 * hours, expected reply time, home cards and the default tab. PATCH takes any
 * subset; null clears officeHours, offlineMessage and defaultTab.
 */

const TAB_IDS = MESSENGER_TAB_IDS;

const homeCard = z.object({ title: z.string(), body: z.string().optional(), url: z.string().optional() });

const settingsView = z
  .object({
    primaryColor: z.string(),
    launcherPosition: z.enum(["left", "right"]),
    greeting: z.string(),
    teamName: z.string(),
    tabs: z.array(z.object({ id: z.enum(TAB_IDS), enabled: z.boolean(), visibleTo: z.enum(["all", "visitors", "users"]) })),
    theme: z.enum(["light", "dark", "system"]),
    officeHours: z
      .object({ timeZone: z.string(), intervals: z.array(z.object({ day: z.number().int(), open: z.string(), close: z.string() })) })
      .nullable()
      .describe("null: always available."),
    replyTime: z.enum(["minutes", "hours", "day"]),
    offlineMessage: z.string().nullable(),
    homeCards: z.array(homeCard),
    defaultTab: z.enum(TAB_IDS).nullable(),
  })
  .meta({ id: "MessengerSettings" });

const workspaceNotFound = () => errorResponse("NOT_FOUND", "Workspace not found.");
const TAGS = ["Messenger settings"];

export const MESSENGER_SETTINGS_ROUTES: Route[] = [
  defineRoute({
    method: "GET",
    path: "/workspace/messenger",
    operationId: "getMessengerSettings",
    summary: "The messenger's look, copy, tabs, office hours and home cards",
    tags: TAGS,
    responses: { 200: { description: "Settings", schema: dataOf(settingsView) } },
    handler: async ({ ctx, caller }) => {
      const settings = await ctx.runQuery(internal.messengerSettings.adminGet, { workspaceId: caller.workspaceId });
      return settings === null ? workspaceNotFound() : jsonResponse({ data: settings });
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/workspace/messenger",
    operationId: "updateMessengerSettings",
    summary: "Change any subset; null clears officeHours, offlineMessage and defaultTab",
    description:
      "`primaryColor` and `launcherPosition` are written to the workspace's default widget configuration (see /widget/configurations), " +
      "which re-themes open widgets at once; the other settings reach visitors on their next boot (page load).",
    tags: TAGS,
    body: messengerPatchSchema,
    responses: { 200: { description: "The settings after the change", schema: dataOf(settingsView) } },
    handler: async ({ ctx, caller, body }) => {
      const { homeCards, ...rest } = body;
      const settings = await ctx.runMutation(internal.messengerSettings.adminUpdate, {
        workspaceId: caller.workspaceId,
        actor: callerActor(caller),
        modifiedBy: callerName(caller),
        ...defined(rest),
        ...(homeCards !== undefined
          ? { homeCards: homeCards.map((card) => ({ title: card.title, ...defined({ body: card.body, url: card.url }) })) }
          : {}),
      });
      return settings === null ? workspaceNotFound() : jsonResponse({ data: settings });
    },
  }),
];

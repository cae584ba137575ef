// Every operator function, called by: nobody, a member of another workspace, an agent where an
// admin is needed, a signed-out session, and a member of another workspace reaching for this
// workspace's objects through their own. Each must refuse on the server. The table below is
// checked against the modules themselves: a public function of a module that is not declared
// visitor-facing must have a case here, so a new operator function cannot go untested.
import type { JWK } from "jose";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { bootVisitor, expectAppError, newBackend, type TestBackend } from "../helpers";
import { postTo, PNG } from "../messenger/uploads";
import { developmentEnv, fakeReceiver } from "../outgoing/support";
import { twoTeams, useAuthEnvironment } from "./support";

useAuthEnvironment();

let signingKey: JWK;
beforeAll(async () => {
  const { generateSigningKey } = await import("../../../convex/lib/appSigningKeys");
  signingKey = await generateSigningKey();
  vi.stubEnv("OPENCOM_APPS_SIGNING_KEYS", JSON.stringify([signingKey]));
  // Bot connections: secrets sealed with a deployment key, and a bot server that answers its challenge.
  developmentEnv(false);
  fakeReceiver((_index, call) => ({ status: 200, body: new URL(call.url).searchParams.get("challenge") ?? "" }));
}, 60_000);

type Client = Pick<TestBackend, "query" | "mutation" | "action">;
type Ids = {
  workspaceId: string;
  conversationId: string;
  userId: string;
  inviteId: string;
  visitorId: string;
  ticket: string;
  teamId: string;
  appId: string;
  storyId: string;
  connectionId: string;
  oauthClientId: string;
  tourId: string;
  /** A file each acme operator uploaded and has not saved yet: saving is the uploader's alone. */
  pendingFileOf: (client: Client) => string;
};
type Call = (client: Client, ids: Ids) => Promise<unknown>;
type Case = {
  /** The least role that may call it. */
  role: "agent" | "admin";
  call: Call;
  /** It names an object of the workspace: through another workspace it is NOT_FOUND, never read. */
  namesObject: boolean;
};

const BOT_URL = "https://bot.example.com/acme";
const BOT_NODE = "11111111-1111-4111-8111-111111111111";
const conversation = (ids: Ids) => ({ workspaceId: ids.workspaceId, conversationId: ids.conversationId });
const ticket = (ids: Ids) => ({ workspaceId: ids.workspaceId as Id<"workspaces">, ticket: ids.ticket });
const workspace = (ids: Ids) => ({ workspaceId: ids.workspaceId as Id<"workspaces"> });
const agent = (call: Call, namesObject = true): Case => ({ role: "agent", call, namesObject });
const admin = (call: Call, namesObject = false): Case => ({ role: "admin", call, namesObject });

const CASES: Record<string, Case> = {
  "members:list": agent((c, ids) => c.query(api.members.list, workspace(ids)), false),
  "teamProfiles:mine": agent((c, ids) => c.query(api.teamProfiles.mine, { workspaceId: ids.workspaceId }), false),
  "teamProfiles:setAvatar": agent((c, ids) => c.action(api.teamProfiles.setAvatar, { workspaceId: ids.workspaceId, image: new Uint8Array(PNG).buffer }), false),
  "teamProfiles:removeAvatar": agent((c, ids) => c.mutation(api.teamProfiles.removeAvatar, { workspaceId: ids.workspaceId }), false),
  "members:setRole": admin((c, ids) => c.mutation(api.members.setRole, { ...workspace(ids), userId: ids.userId, role: "agent" }), true),
  "invites:create": admin((c, ids) => c.action(api.invites.create, { ...workspace(ids), email: "new@example.com", role: "agent" })),
  "invites:listPending": admin((c, ids) => c.query(api.invites.listPending, workspace(ids))),
  "invites:revoke": admin((c, ids) => c.mutation(api.invites.revoke, { ...workspace(ids), inviteId: ids.inviteId }), true),
  "inboxConversations:list": agent((c, ids) => c.query(api.inboxConversations.list, { ...workspace(ids), filter: "open", limit: 10 }), false),
  "inboxConversations:get": agent((c, ids) => c.query(api.inboxConversations.get, conversation(ids))),
  "inboxConversations:assign": agent((c, ids) => c.mutation(api.inboxConversations.assign, { ...conversation(ids), assigneeId: ids.userId })),
  "inboxConversations:assignTeam": agent((c, ids) => c.mutation(api.inboxConversations.assignTeam, { ...conversation(ids), supportTeamId: ids.teamId })),
  "inboxConversations:snooze": agent((c, ids) => c.mutation(api.inboxConversations.snooze, { ...conversation(ids), until: Date.now() + 3_600_000 })),
  "inboxConversations:setStatus": agent((c, ids) => c.mutation(api.inboxConversations.setStatus, { ...conversation(ids), status: "closed" })),
  "inboxConversations:markRead": agent((c, ids) => c.mutation(api.inboxConversations.markRead, conversation(ids))),
  "inboxConversations:setTypingIndicator": agent((c, ids) => c.mutation(api.inboxConversations.setTypingIndicator, { ...conversation(ids), typing: true })),
  "inboxMessages:list": agent((c, ids) => c.query(api.inboxMessages.list, conversation(ids))),
  "inboxMessages:reply": agent((c, ids) => c.mutation(api.inboxMessages.reply, { ...conversation(ids), body: "Hello" })),
  "inboxNotes:list": agent((c, ids) => c.query(api.inboxNotes.list, conversation(ids))),
  "inboxNotes:add": agent((c, ids) => c.mutation(api.inboxNotes.add, { ...conversation(ids), body: "Internal" })),
  "botSettings:runForInbox": agent((c, ids) => c.query(api.botSettings.runForInbox, conversation(ids))),
  "inboxVisitors:forConversation": agent((c, ids) => c.query(api.inboxVisitors.forConversation, conversation(ids))),
  "inboxContacts:list": agent((c, ids) => c.query(api.inboxContacts.list, { ...workspace(ids), search: "", limit: 10 }), false),
  "inboxContacts:conversations": agent((c, ids) => c.query(api.inboxContacts.conversations, { ...workspace(ids), visitorId: ids.visitorId })),
  "inboxFiles:generateUploadUrl": agent((c, ids) => c.action(api.inboxFiles.generateUploadUrl, conversation(ids))),
  "inboxFiles:saveUpload": agent((c, ids) => c.action(api.inboxFiles.saveUpload, { ...conversation(ids), storageId: ids.pendingFileOf(c), name: "shot.png" })),
  "ticketsInbox:list": agent((c, ids) => c.query(api.ticketsInbox.list, { ...workspace(ids), paginationOpts: { numItems: 10, cursor: null } }), false),
  "ticketsInbox:get": agent((c, ids) => c.query(api.ticketsInbox.get, ticket(ids))),
  "ticketsInbox:update": agent((c, ids) => c.mutation(api.ticketsInbox.update, { ...ticket(ids), priority: "HIGH" })),
  "ticketsInbox:reply": agent((c, ids) => c.mutation(api.ticketsInbox.reply, { ...ticket(ids), body: "On it" })),
  "supportTeams:list": agent((c, ids) => c.query(api.supportTeams.list, workspace(ids)), false),
  "supportTeams:create": admin((c, ids) => c.mutation(api.supportTeams.create, { ...workspace(ids), name: "Billing" })),
  "supportTeams:rename": admin((c, ids) => c.mutation(api.supportTeams.rename, { ...workspace(ids), teamId: ids.teamId, name: "Payments" }), true),
  "supportTeams:remove": admin((c, ids) => c.mutation(api.supportTeams.remove, { ...workspace(ids), teamId: ids.teamId }), true),
  "slaPolicies:list": agent((c, ids) => c.query(api.slaPolicies.list, workspace(ids)), false),
  "slaPolicies:set": admin((c, ids) =>
    c.mutation(api.slaPolicies.set, { ...workspace(ids), priority: "HIGH", firstResponseMillis: 3_600_000, resolutionMillis: null }),
  ),
  "widgetConfigurations:defaultForInbox": admin((c, ids) => c.query(api.widgetConfigurations.defaultForInbox, workspace(ids))),
  // A stale ETag is answered, not thrown: what is refused here is the caller.
  "widgetConfigurations:updateDefaultFromInbox": admin((c, ids) =>
    c.mutation(api.widgetConfigurations.updateDefaultFromInbox, { ...workspace(ids), etag: "\"stale\"", theme: { primaryColor: "#1f4fd1" }, layout: {} }),
  ),
  "botSettings:connection": admin((c, ids) => c.query(api.botSettings.connection, { ...workspace(ids), connectionId: ids.connectionId }), true),
  // Another workspace's story is refused as not one of the caller's (INVALID_ARGUMENT naming storyId, as over REST).
  "botSettings:createConnection": admin((c, ids) =>
    c.action(api.botSettings.createConnection, { ...workspace(ids), storyId: ids.storyId, name: "Support bot", url: "https://bot.example.com/hook", token: "t0k" }),
  ),
  "botSettings:updateConnection": admin(
    (c, ids) => c.action(api.botSettings.updateConnection, { ...workspace(ids), connectionId: ids.connectionId, name: "Renamed", url: BOT_URL }),
    true,
  ),
  "botSettings:removeConnection": admin((c, ids) => c.mutation(api.botSettings.removeConnection, { ...workspace(ids), connectionId: ids.connectionId }), true),
  "oauthClientsInbox:list": admin((c, ids) => c.query(api.oauthClientsInbox.list, workspace(ids))),
  "oauthClientsInbox:create": admin((c, ids) => c.action(api.oauthClientsInbox.create, { ...workspace(ids), name: "CI", scopes: ["widget.config:view"] })),
  "oauthClientsInbox:rotateSecret": admin((c, ids) => c.action(api.oauthClientsInbox.rotateSecret, { ...workspace(ids), clientId: ids.oauthClientId }), true),
  "oauthClientsInbox:revoke": admin((c, ids) => c.mutation(api.oauthClientsInbox.revoke, { ...workspace(ids), clientId: ids.oauthClientId }), true),
  "engagementStudio:list": admin((c, ids) => c.query(api.engagementStudio.list, { ...workspace(ids), type: "tours" })),
  // An unknown or foreign id answers null, as the REST API's 404: nothing is read.
  "engagementStudio:get": admin((c, ids) => c.query(api.engagementStudio.get, { ...workspace(ids), type: "tours", id: ids.tourId })),
  "engagementStudio:save": admin((c, ids) =>
    c.mutation(api.engagementStudio.save, { ...workspace(ids), type: "tours", id: ids.tourId, fields: { name: "Renamed", steps: [{ kind: "modal", title: "Hi", body: "" }] } }), true),
  "engagementStudio:duplicate": admin((c, ids) => c.mutation(api.engagementStudio.duplicate, { ...workspace(ids), type: "tours", id: ids.tourId }), true),
  "engagementStudio:setStatus": admin((c, ids) => c.mutation(api.engagementStudio.setStatus, { ...workspace(ids), type: "tours", id: ids.tourId, status: "paused" }), true),
  "engagementStudio:pickOnSite": admin((c, ids) =>
    c.action(api.engagementStudio.pickOnSite, { ...workspace(ids), target: { type: "tourStep", tourId: ids.tourId, stepIndex: 0 } }), true),
  "engagementStudio:preview": admin((c, ids) => c.action(api.engagementStudio.preview, { ...workspace(ids), type: "tours", id: ids.tourId }), true),
  "apps:listForScreen": agent((c, ids) => c.query(api.apps.listForScreen, { ...workspace(ids), screen: "CHATS" }), false),
  "audienceEstimate:estimate": admin((c, ids) => c.query(api.audienceEstimate.estimate, { ...workspace(ids), audience: { identified: true } })),
  "csatSettings:get": admin((c, ids) => c.query(api.csatSettings.get, workspace(ids))),
  "csatSettings:update": admin((c, ids) =>
    c.mutation(api.csatSettings.update, { ...workspace(ids), enabled: true, question: "", commentPrompt: "", offerForDays: 7 }),
  ),
  // The app names its workspace: there is no "through one's own workspace" to try.
  "apps:issueToken": agent((c, ids) => c.action(api.apps.issueToken, { appId: ids.appId }), false),
  // Results are for every member: agents answer the replies and ratings they count.
  "engagementResults:get": agent((c, ids) => c.query(api.engagementResults.get, { ...workspace(ids), type: "tour", id: ids.tourId })),
  "engagementResults:csat": agent((c, ids) => c.query(api.engagementResults.csat, { ...workspace(ids), days: 7 }), false),
};

/**
 * Operator functions whose refusals are tested in a table or suite of their own (the file
 * must call each of them and expect FORBIDDEN there): Settings' admin pages, the gateway
 * screens, custom-app registration, companies.
 */
const TESTED_ELSEWHERE: Record<string, string> = {
  ...Object.fromEntries(
    [
      "apiKeys:inboxCreate", "apiKeys:inboxList", "apiKeys:inboxRevoke", "installation:issueToken", "installation:setWebsiteUrl", "installation:status",
      "messengerSettings:inboxGet", "messengerSettings:inboxUpdate", "supportTeams:setMembers",
      "workspaceSecurity:inboxGet", "workspaceSecurity:inboxRotateSecret", "workspaceSecurity:inboxUpdate",
    ].map((name) => [name, "../settings/authorization.test.ts"]),
  ),
  ...Object.fromEntries(
    ["gatewaysInbox:broadcast", "gatewaysInbox:broadcasts", "gatewaysInbox:chatForConversation", "gatewaysInbox:deliveries", "gatewaysInbox:list", "gatewaysInbox:regenerateUri", "gatewaysInbox:remove", "gatewaysInbox:retryDelivery", "gatewaysInbox:save"].map(
      (name) => [name, "../gateways/inbox.test.ts"],
    ),
  ),
  ...Object.fromEntries(["botSettings:overview", "botSettings:saveStory", "botSettings:setActive"].map((name) => [name, "../bots/settings.test.ts"])),
  ...Object.fromEntries(["apps:create", "apps:list", "apps:remove", "apps:update"].map((name) => [name, "../apps/operator.test.ts"])),
  ...Object.fromEntries(["inboxCompanies:list", "inboxCompanies:people"].map((name) => [name, "./companies.test.ts"])),
};

/** Operator functions without a workspace: who am I, ending one's own sessions, the invite page, Convex Auth's own. */
const UNSCOPED = ["members:me", "members:signOutEverywhere", "invites:preview", "auth:signIn", "auth:signOut", "auth:isAuthenticated"];

/** Modules the widget calls (with its session token) or that serve visitors; none takes an operator's identity. */
const VISITOR_MODULES = [
  "articles", "authoring", "bots", "checklists", "conversationActivity", "conversations", "csat", "events", "files", "messages",
  "messenger", "outboundMessages", "surveys", "tickets", "tooltips", "tours", "visitors", "widgetConfig", "widgetSessions",
];

async function world() {
  const t = newBackend();
  const teams = await twoTeams(t);
  const visitor = await bootVisitor(t, "visitor-1", "acme");
  const sent = await t.mutation(api.messages.send, { sessionToken: visitor.sessionToken, body: "Hi", clientMessageId: "m-1" });
  const filed = await t.mutation(api.tickets.create, { sessionToken: visitor.sessionToken, title: "Checkout fails", fields: { description: "The button does nothing." } });
  const inviteId = await t.run((ctx) =>
    ctx.db.insert("invites", { workspaceId: teams.acme, email: "x@example.com", role: "agent", tokenHash: "h", createdAt: 0, expiresAt: Date.now() + 60_000 }),
  );
  const team = await teams.acmeAdmin.client.mutation(api.supportTeams.create, { workspaceId: teams.acme, name: "Support" });
  const app = await t.mutation(internal.apps.adminCreate, {
    workspaceId: teams.acme,
    fields: { name: "Drafter", url: "http://drafter.localhost:5181/", allowedOrigins: ["http://drafter.localhost:5181"], screens: ["CHATS"], enabled: true, protocol: "opencom" },
  });
  const { storyId } = await teams.acmeAdmin.client.mutation(api.botSettings.saveStory, {
    workspaceId: teams.acme,
    story: { name: "Greeting", startNodeId: BOT_NODE, nodes: [{ id: BOT_NODE, name: "Hello", type: "RESPONSES", responses: [{ type: "text", message: "Hi" }] }] },
  });
  const connection = await t.action(internal.botAdmin.createConnection, { workspaceId: teams.acme, storyId, name: "Acme bot", url: BOT_URL });
  const oauthClientId = "occ_acme0000000000000000000";
  await t.mutation(internal.oauthClients.create, {
    workspaceId: teams.acme, clientId: oauthClientId, name: "Design system", secretHash: "0".repeat(64), scopes: ["widget.config:view"], actor: { type: "system" },
  });
  const tour = await t.mutation(internal.tours.adminCreate, {
    workspaceId: teams.acme,
    fields: { name: "Welcome", status: "active", trigger: { type: "page_load" }, frequency: { type: "once" }, steps: [{ kind: "modal", title: "Hi", body: "Hello" }] },
  });
  await t.run((ctx) => ctx.db.patch("workspaces", teams.acme, { websiteUrl: "https://www.acme.test/" }));
  const pending = new Map<Client, string>();
  for (const operator of [teams.acmeAdmin, teams.acmeAgent]) {
    const { uploadUrl } = await operator.client.action(api.inboxFiles.generateUploadUrl, { workspaceId: teams.acme, conversationId: sent.conversationId });
    pending.set(operator.client, (await postTo(t, uploadUrl, PNG)).json.storageId as string);
  }
  const ids: Ids = {
    workspaceId: teams.acme,
    conversationId: sent.conversationId,
    userId: teams.acmeAgent.userId,
    inviteId,
    visitorId: visitor.visitorId,
    ticket: filed.id,
    teamId: team.id,
    appId: app.id,
    storyId,
    connectionId: connection.id,
    oauthClientId,
    tourId: tour.id,
    pendingFileOf: (client) => pending.get(client) ?? pending.get(teams.acmeAdmin.client)!,
  };
  return { t, teams, ids };
}

const allCases = Object.entries(CASES);
const adminCases = allCases.filter(([, { role }]) => role === "admin");
const agentCases = allCases.filter(([, { role }]) => role === "agent");

describe("operator functions refuse", { timeout: 60_000 }, () => {
  test.each(allCases)("%s: without a signed-in operator", async (_name, { call }) => {
    const { t, ids } = await world();
    await expectAppError(call(t, ids), "UNAUTHENTICATED");
  });

  test.each(allCases)("%s: a member of another workspace", async (_name, { call }) => {
    const { teams, ids } = await world();
    await expectAppError(call(teams.globexAdmin.client, ids), "FORBIDDEN");
  });

  test.each(allCases)("%s: a session that was signed out", async (_name, { call }) => {
    const { t, teams, ids } = await world();
    await t.run((ctx) => ctx.db.delete("authSessions", teams.acmeAdmin.sessionId));
    await expectAppError(call(teams.acmeAdmin.client, ids), "UNAUTHENTICATED");
  });

  test.each(adminCases)("%s: an agent doing an admin's job", async (_name, { call }) => {
    const { teams, ids } = await world();
    await expectAppError(call(teams.acmeAgent.client, ids), "FORBIDDEN");
  });

  test.each(allCases.filter(([, { namesObject }]) => namesObject))("%s: this workspace's object through another workspace", async (_name, { call }) => {
    const { teams, ids } = await world();
    await expectAppError(call(teams.globexAdmin.client, { ...ids, workspaceId: teams.globex }), "NOT_FOUND");
  });
});

describe("operator functions allow", { timeout: 60_000 }, () => {
  test.each(allCases)("%s: an admin of the workspace", async (_name, { call }) => {
    const { teams, ids } = await world();
    await expect(call(teams.acmeAdmin.client, ids)).resolves.not.toThrow();
  });

  test.each(agentCases)("%s: an agent of the workspace", async (_name, { call }) => {
    const { teams, ids } = await world();
    await expect(call(teams.acmeAgent.client, ids)).resolves.not.toThrow();
  });
});

test("every public function of every module that is not visitor-facing has a case here", async () => {
  const modules = import.meta.glob(["../../../convex/*.ts", "!../../../convex/*.config.ts"]);
  const operatorFunctions: string[] = [];
  for (const [path, load] of Object.entries(modules)) {
    const name = path.replace(/^.*\/convex\/|\.ts$/g, "");
    if (VISITOR_MODULES.includes(name)) continue;
    const exports = (await load()) as Record<string, { isPublic?: boolean }>;
    for (const [fn, value] of Object.entries(exports)) {
      if (value?.isPublic === true) operatorFunctions.push(`${name}:${fn}`);
    }
  }
  // A module listed as visitor-facing that is gone should leave the list too.
  const moduleNames = Object.keys(modules).map((path) => path.replace(/^.*\/convex\/|\.ts$/g, ""));
  expect(VISITOR_MODULES.filter((name) => !moduleNames.includes(name))).toEqual([]);
  expect(operatorFunctions.filter((name) => !UNSCOPED.includes(name) && !(name in TESTED_ELSEWHERE)).sort()).toEqual(Object.keys(CASES).sort());
  // What another file covers, it must really call and expect refused there.
  const sources = import.meta.glob(["../**/*.test.ts"], { query: "?raw", import: "default" });
  for (const [name, file] of Object.entries(TESTED_ELSEWHERE)) {
    expect(operatorFunctions, `${name} no longer exists`).toContain(name);
    const source = (await sources[file]?.()) as string | undefined;
    expect(source, `${file} is missing`).toBeDefined();
    expect(source, `${file} never calls ${name}`).toContain(`api.${name.replace(":", ".")}`);
    expect(source, `${file} never expects a refusal`).toContain('"FORBIDDEN"');
  }
});

import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { createWorkspace, expectAppError, newBackend, type TestBackend } from "../helpers";
import { signedInOperator, useAuthEnvironment } from "../inbox/support";
import { developmentEnv, fakeReceiver } from "../outgoing/support";

const START = "11111111-1111-4111-8111-111111111111";
const story = (name: string, next?: string) => ({
  name,
  startNodeId: START,
  nodes: [{ id: START, name: "Hello", type: "RESPONSES", responses: [{ type: "text", message: "Hi" }], ...(next ? { next } : {}) }],
});

useAuthEnvironment();

let t: TestBackend;
let workspaceId: Id<"workspaces">;
beforeEach(async () => {
  t = newBackend();
  workspaceId = await createWorkspace(t);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe("Settings → Bots", () => {
  test("an admin saves a story, picks it to greet, and sees it; the change is audited", async () => {
    const admin = (await signedInOperator(t, workspaceId, "admin")).client;
    const { storyId } = await admin.mutation(api.botSettings.saveStory, { workspaceId, story: story("Greeting") });
    await admin.mutation(api.botSettings.setActive, { workspaceId, storyId });
    const overview = await admin.query(api.botSettings.overview, { workspaceId });
    expect(overview.stories).toEqual([expect.objectContaining({ id: storyId, name: "Greeting", active: true })]);
    const actions = await t.run(async (ctx) => (await ctx.db.query("auditLog").collect()).map((entry) => entry.action));
    expect(actions).toEqual(expect.arrayContaining(["bot_story.saved", "bot_story.activated"]));
  });

  test("an invalid story is refused naming the node and field", async () => {
    const admin = (await signedInOperator(t, workspaceId, "admin")).client;
    await expectAppError(
      admin.mutation(api.botSettings.saveStory, { workspaceId, story: story("Broken", "22222222-2222-4222-8222-222222222222") }),
      "INVALID_ARGUMENT",
      "nodes[0].next",
    );
  });

  test("agents cannot read or change bots", async () => {
    const agent = (await signedInOperator(t, workspaceId, "agent")).client;
    await expectAppError(agent.query(api.botSettings.overview, { workspaceId }), "FORBIDDEN");
    await expectAppError(agent.mutation(api.botSettings.saveStory, { workspaceId, story: story("Mine") }), "FORBIDDEN");
  });
});

describe("Settings → Bots: webhook connections", () => {
  const echo = () => fakeReceiver((_index, call) => ({ status: 200, body: new URL(call.url).searchParams.get("challenge") ?? "" }));

  test("an admin creates a connection (its URL answers the challenge), edits it and deletes it; secrets sealed, each step audited", async () => {
    developmentEnv(false);
    const receiver = echo();
    const admin = (await signedInOperator(t, workspaceId, "admin")).client;
    const { storyId } = await admin.mutation(api.botSettings.saveStory, { workspaceId, story: story("Greeting") });
    const fields = { name: "Support bot", url: "https://bot.example.com/hook", token: "t0ken", auth: { username: "bot", password: "s3cret" } };
    const { id } = await admin.action(api.botSettings.createConnection, { workspaceId, storyId, ...fields });
    expect(new URL(receiver.calls[0]!.url).searchParams.get("token")).toBe("t0ken");
    const row = await t.run(async (ctx) => await ctx.db.get("botConnections", id as Id<"botConnections">));
    expect(JSON.stringify(row)).not.toContain("t0ken");
    expect(JSON.stringify(row)).not.toContain("s3cret");
    expect(await admin.query(api.botSettings.connection, { workspaceId, connectionId: id })).toMatchObject({ ...fields, story: { id: storyId, name: "Greeting" } });

    // Same URL: no second challenge. A token left out is removed, as a REST PUT does.
    await admin.action(api.botSettings.updateConnection, { workspaceId, connectionId: id, name: "Renamed", url: fields.url });
    expect(receiver.calls).toHaveLength(1);
    const edited = await admin.query(api.botSettings.connection, { workspaceId, connectionId: id });
    expect(edited).toMatchObject({ name: "Renamed" });
    expect(edited.token).toBeUndefined();
    // A new URL is verified again.
    await admin.action(api.botSettings.updateConnection, { workspaceId, connectionId: id, name: "Renamed", url: "https://bot2.example.com/hook" });
    expect(receiver.calls.map((call) => new URL(call.url).host)).toEqual(["bot.example.com", "bot2.example.com"]);

    await admin.mutation(api.botSettings.removeConnection, { workspaceId, connectionId: id });
    expect((await admin.query(api.botSettings.overview, { workspaceId })).connections).toEqual([]);
    const actions = await t.run(async (ctx) => (await ctx.db.query("auditLog").collect()).map((entry) => entry.action));
    expect(actions).toEqual(expect.arrayContaining(["bot_connection.created", "bot_connection.updated", "bot_connection.deleted"]));
  });

  test("refusals name the field: sizes as over REST, a URL that fails its challenge, another workspace's story", async () => {
    developmentEnv(false);
    fakeReceiver(() => ({ status: 200, body: "not the challenge" }));
    const admin = (await signedInOperator(t, workspaceId, "admin")).client;
    const { storyId } = await admin.mutation(api.botSettings.saveStory, { workspaceId, story: story("Greeting") });
    const create = (extra: Record<string, unknown>) =>
      admin.action(api.botSettings.createConnection, { workspaceId, storyId, name: "Bot", url: "https://bot.example.com/hook", ...extra });
    await expectAppError(create({ name: "x".repeat(300) }), "INVALID_ARGUMENT", "name");
    await expectAppError(create({ auth: { username: "bot", password: "" } }), "INVALID_ARGUMENT", "auth.password");
    await expectAppError(create({ headers: { "bad header": "1" } }), "INVALID_ARGUMENT", "headers.bad header");
    await expectAppError(create({ url: "http://127.0.0.1:9/" }), "INVALID_ARGUMENT", "url");
    await expectAppError(create({}), "INVALID_ARGUMENT", "url");
    const other = await createWorkspace(t, { publicId: "globex" });
    const { storyId: theirs } = await (await signedInOperator(t, other, "admin")).client.mutation(api.botSettings.saveStory, { workspaceId: other, story: story("Theirs") });
    await expectAppError(create({ storyId: theirs }), "INVALID_ARGUMENT", "storyId");
    expect(await t.run(async (ctx) => await ctx.db.query("botConnections").collect())).toEqual([]);
  });

  test("agents cannot manage connections", async () => {
    const agent = (await signedInOperator(t, workspaceId, "agent")).client;
    await expectAppError(agent.action(api.botSettings.createConnection, { workspaceId, storyId: "x", name: "Bot", url: "https://bot.example.com/" }), "FORBIDDEN");
  });
});

import { beforeEach, describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { createWorkspace, expectAppError, newBackend, type TestBackend } from "../helpers";
import { signedInOperator, useAuthEnvironment } from "../inbox/support";

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

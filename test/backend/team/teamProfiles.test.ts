// Operators' avatars: set on Settings → Your account through the attachments' byte checks,
// served by the file URL, and the team's faces in the widget's boot settings.
import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { bootVisitor, expectAppError, newBackend } from "../helpers";
import { PDF, PNG } from "../messenger/uploads";
import { signedInOperator, twoTeams, useAuthEnvironment } from "../inbox/support";

useAuthEnvironment();

const png = () => new Uint8Array(PNG).buffer;
const storedFiles = (t: ReturnType<typeof newBackend>) => t.run(async (ctx) => (await ctx.db.system.query("_storage").collect()).length);

describe("operator avatars", () => {
  test("an operator sets their avatar; it is served by the file URL as the image its bytes prove", async () => {
    const t = newBackend();
    const teams = await twoTeams(t);
    const workspaceId = teams.acme as string;
    expect(await teams.acmeAgent.client.query(api.teamProfiles.mine, { workspaceId })).toMatchObject({ avatarUrl: null });
    const { avatarUrl } = await teams.acmeAgent.client.action(api.teamProfiles.setAvatar, { workspaceId, image: png() });
    expect(avatarUrl).toMatch(/^https:\/\/test-deployment\.convex\.site\/widget\/files\/[\w-]{43}$/);
    expect(await teams.acmeAgent.client.query(api.teamProfiles.mine, { workspaceId })).toMatchObject({ avatarUrl });
    const served = await t.fetch(new URL(avatarUrl).pathname);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/png");
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(new Uint8Array(PNG));
  });

  test("a new avatar replaces the old one, whose URL stops working; removing it goes back to initials", async () => {
    const t = newBackend();
    const teams = await twoTeams(t);
    const workspaceId = teams.acme as string;
    const first = await teams.acmeAgent.client.action(api.teamProfiles.setAvatar, { workspaceId, image: png() });
    const second = await teams.acmeAgent.client.action(api.teamProfiles.setAvatar, { workspaceId, image: png() });
    expect(second.avatarUrl).not.toBe(first.avatarUrl);
    expect((await t.fetch(new URL(first.avatarUrl).pathname)).status).toBe(404);
    expect(await storedFiles(t)).toBe(1);
    await teams.acmeAgent.client.mutation(api.teamProfiles.removeAvatar, { workspaceId });
    expect((await t.fetch(new URL(second.avatarUrl).pathname)).status).toBe(404);
    expect(await storedFiles(t)).toBe(0);
    expect(await teams.acmeAgent.client.query(api.teamProfiles.mine, { workspaceId })).toMatchObject({ avatarUrl: null });
  });

  test("bytes that are not an image, or too large, are refused naming the field, and nothing is stored", async () => {
    const t = newBackend();
    const teams = await twoTeams(t);
    const workspaceId = teams.acme as string;
    const client = teams.acmeAgent.client;
    await expectAppError(client.action(api.teamProfiles.setAvatar, { workspaceId, image: new Uint8Array(PDF).buffer }), "INVALID_ARGUMENT", "image");
    await expectAppError(client.action(api.teamProfiles.setAvatar, { workspaceId, image: new Uint8Array([1, 2, 3]).buffer }), "INVALID_ARGUMENT", "image");
    await expectAppError(client.action(api.teamProfiles.setAvatar, { workspaceId, image: new ArrayBuffer(0) }), "INVALID_ARGUMENT", "image");
    const svgInPng = new Uint8Array([...PNG, ...new TextEncoder().encode("<svg onload=alert(1)>")]).buffer;
    await expectAppError(client.action(api.teamProfiles.setAvatar, { workspaceId, image: svgInPng }), "INVALID_ARGUMENT", "image");
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(PNG);
    await expect(client.action(api.teamProfiles.setAvatar, { workspaceId, image: big.buffer })).rejects.toMatchObject({
      data: { code: "INVALID_ARGUMENT", field: "image", message: "An avatar must be at most 1 MB." },
    });
    // Not bytes at all: the argument validator (which names the field on a real deployment).
    await expect(client.action(api.teamProfiles.setAvatar, { workspaceId, image: "not bytes" as never })).rejects.toThrow(/Expected `ArrayBuffer`/);
    expect(await storedFiles(t)).toBe(0);
  });

  test("nobody sets an avatar in a workspace they do not belong to, or signed out; nothing is stored", async () => {
    const t = newBackend();
    const teams = await twoTeams(t);
    const acme = teams.acme as string;
    await expectAppError(teams.globexAdmin.client.action(api.teamProfiles.setAvatar, { workspaceId: acme, image: png() }), "FORBIDDEN");
    await expectAppError(teams.globexAdmin.client.mutation(api.teamProfiles.removeAvatar, { workspaceId: acme }), "FORBIDDEN");
    await expectAppError(teams.globexAdmin.client.query(api.teamProfiles.mine, { workspaceId: acme }), "FORBIDDEN");
    await expectAppError(t.action(api.teamProfiles.setAvatar, { workspaceId: acme, image: png() }), "UNAUTHENTICATED");
    const outsider = await signedInOperator(t, null, "agent");
    await expectAppError(outsider.client.action(api.teamProfiles.setAvatar, { workspaceId: "not-an-id", image: png() }), "FORBIDDEN");
    expect(await storedFiles(t)).toBe(0);
    // Globex's own avatar does not show in Acme's team.
    await teams.globexAdmin.client.action(api.teamProfiles.setAvatar, { workspaceId: teams.globex as string, image: png() });
    const { settings } = await bootVisitor(t, "visitor-1", "acme");
    expect(settings.team.every((face) => face.avatarUrl === undefined)).toBe(true);
  });
});

describe("the team on the messenger's Home", () => {
  test("boot carries up to three faces, who replied last first, with names and avatar URLs only", async () => {
    const t = newBackend();
    const teams = await twoTeams(t);
    const workspaceId = teams.acme as string;
    const extra = [await signedInOperator(t, teams.acme, "agent", "zoe@example.com"), await signedInOperator(t, teams.acme, "agent", "yann@example.com")];
    const { avatarUrl } = await extra[0]!.client.action(api.teamProfiles.setAvatar, { workspaceId, image: png() });

    const visitor = await bootVisitor(t, "visitor-1", "acme");
    expect(visitor.settings.team).toHaveLength(3);
    // No one has replied: the one with an avatar first.
    expect(visitor.settings.team[0]).toEqual({ name: "zoe", avatarUrl });

    const { conversationId } = await t.mutation(api.messages.send, { sessionToken: visitor.sessionToken, body: "Hello?", clientMessageId: "m-1" });
    await extra[1]!.client.mutation(api.inboxMessages.reply, { workspaceId, conversationId: conversationId as string, body: "Hi! Yann here." });
    const again = await bootVisitor(t, "visitor-2", "acme");
    expect(again.settings.team.map((face) => face.name)).toEqual(["yann", "zoe", expect.any(String)]);
    for (const face of again.settings.team) expect(Object.keys(face).every((key) => key === "name" || key === "avatarUrl")).toBe(true);
    expect(JSON.stringify(again.settings.team)).not.toContain("@");
  });

  test("a reply from an operator with an avatar carries it to the visitor", async () => {
    const t = newBackend();
    const teams = await twoTeams(t);
    const workspaceId = teams.acme as string;
    const { avatarUrl } = await teams.acmeAgent.client.action(api.teamProfiles.setAvatar, { workspaceId, image: png() });
    const visitor = await bootVisitor(t, "visitor-1", "acme");
    const { conversationId } = await t.mutation(api.messages.send, { sessionToken: visitor.sessionToken, body: "Hello?", clientMessageId: "m-1" });
    await teams.acmeAgent.client.mutation(api.inboxMessages.reply, { workspaceId, conversationId: conversationId as string, body: "Hi!" });
    const messages = await t.query(api.messages.list, { sessionToken: visitor.sessionToken, conversationId: conversationId as string });
    expect(messages.at(-1)).toMatchObject({ senderType: "agent", senderAvatarUrl: avatarUrl });
  });
});

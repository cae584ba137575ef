import { describe, expect, test } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { bootVisitor, createWorkspace, type TestBackend } from "../helpers";
import { signedInOperator } from "../inbox/support";
import { PDF, PNG } from "../messenger/uploads";
import { call, callChecked, errorOf, KEY, restBackend } from "./support";

/*
 * Agent attachments through the REST API: POST /api/v1/files takes the bytes and checks
 * them as the messenger's uploads are checked; a reply's `attachments` sends them once,
 * and the visitor's messenger shows them like an inbox operator's files.
 */

const OTHER_KEY = "oc_live_other-workspace-key-00000000000000";

function upload(t: TestBackend, bytes: Uint8Array | number[], name: string, key = KEY, contentType = "application/octet-stream"): Promise<Response> {
  return t.fetch(`/api/v1/files?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": contentType },
    body: new Uint8Array(bytes),
  });
}

async function uploadedId(t: TestBackend, bytes: Uint8Array | number[], name: string, key = KEY): Promise<string> {
  const response = await upload(t, bytes, name, key);
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { data: { id: string } }).data.id;
}

/** A workspace with a visitor's conversation, and a second workspace with its own key. */
async function setup() {
  const { t, workspaceId } = await restBackend();
  const alice = await bootVisitor(t, "visitor-alice");
  const sent = await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "Can you send the invoice?", clientMessageId: "m-1" });
  const otherWorkspace = await createWorkspace(t, { publicId: "globex" });
  await t.mutation(internal.apiKeys.createWithKey, { workspaceId: otherWorkspace, name: "other", key: OTHER_KEY });
  return { t, workspaceId, alice, conversationId: sent.conversationId };
}

const reply = (t: TestBackend, conversationId: string, body: unknown) => call(t, "POST", `/api/v1/conversations/${conversationId}/messages`, { body });

describe("POST /api/v1/files", () => {
  test("stores a file whose bytes prove an allowed type, under a clean name, whatever the Content-Type said", async () => {
    const { t } = await setup();
    const response = await upload(t, PDF, "../reports/invoice.pdf", KEY, "image/png");
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as { data: Record<string, unknown> };
    expect(data).toEqual({
      id: expect.any(String),
      name: "invoice.pdf",
      contentType: "application/pdf",
      size: PDF.length,
      createdAt: expect.any(Number),
      expiresAt: expect.any(Number),
    });
    expect(data["expiresAt"]).toBe((data["createdAt"] as number) + 24 * 60 * 60 * 1000);
  });

  test("refuses a type it does not allow, markup inside an image, a text file without .txt, an empty file and no name", async () => {
    const { t } = await setup();
    const exe = await upload(t, [0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], "setup.exe");
    expect(exe.status).toBe(400);
    expect((await errorOf(exe)).fields).toEqual({ file: "Only PNG, JPEG, GIF and WebP images, PDF and plain text files can be attached." });
    const polyglot = await upload(t, [...PNG, ...new TextEncoder().encode("<script>alert(1)</script>")], "x.png");
    expect((await errorOf(polyglot)).fields).toHaveProperty("file");
    const text = await upload(t, new TextEncoder().encode("hello"), "notes.html");
    expect(text.status).toBe(400);
    expect((await errorOf(text)).fields).toEqual({ name: "A text file needs a .txt name." });
    expect((await errorOf(await upload(t, [], "empty.txt"))).fields).toEqual({ file: "The file is empty." });
    const unnamed = await call(t, "POST", "/api/v1/files");
    expect(unnamed.status).toBe(400);
    expect(Object.keys((await errorOf(unnamed)).fields ?? {})).toEqual(["name"]);
    expect((await upload(t, PDF, "x.pdf", "oc_live_wrong")).status).toBe(401);
  });

  test("refuses a file over its type's size limit, and anything over the largest limit", async () => {
    const { t } = await setup();
    const bigImage = new Uint8Array(5 * 1024 * 1024 + 1);
    bigImage.set(PNG);
    const image = await upload(t, bigImage, "huge.png");
    expect(image.status).toBe(400);
    expect((await errorOf(image)).fields).toEqual({ file: "The file is larger than 5 MB." });
    const bigText = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61);
    const text = await upload(t, bigText, "huge.txt");
    expect(text.status).toBe(400);
    expect((await errorOf(text)).fields).toEqual({ file: "The file is larger than 10 MB." });
  });
});

describe("agent replies with attachments", () => {
  test("the visitor's messenger shows the file, served with its checked type; the reply answers it too", async () => {
    const { t, alice, conversationId } = await setup();
    const fileId = await uploadedId(t, PDF, "invoice.pdf");
    const { status, data } = await callChecked(t, "POST", `/api/v1/conversations/${conversationId}/messages`, { text: "Here it is.", attachments: [fileId] });
    expect(status).toBe(201);
    expect(data.attachments).toEqual([{ name: "invoice.pdf", contentType: "application/pdf", size: PDF.length, url: expect.stringMatching(/\/widget\/files\/[A-Za-z0-9_-]{43}$/) }]);

    const messages = await t.query(api.messages.list, { sessionToken: alice.sessionToken, conversationId });
    const sent = messages.find((message) => message.body === "Here it is.");
    expect(sent?.attachments).toEqual(data.attachments);
    const served = await t.fetch(new URL(data.attachments[0].url).pathname);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("application/pdf");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(new Uint8Array(PDF));

    const listed = await call(t, "GET", `/api/v1/conversations/${conversationId}/messages`);
    const agentMessage = ((await listed.json()) as { data: Array<{ body: string; attachments?: unknown }> }).data.find((message) => message.body === "Here it is.");
    expect(agentMessage?.attachments).toEqual(data.attachments);
  });

  test("a reply may be only files; with neither text nor files it is refused naming text", async () => {
    const { t, alice, conversationId } = await setup();
    const fileId = await uploadedId(t, PNG, "screen.png");
    const onlyFile = await reply(t, conversationId, { attachments: [fileId] });
    expect(onlyFile.status).toBe(201);
    const messages = await t.query(api.messages.list, { sessionToken: alice.sessionToken, conversationId });
    expect(messages.at(-1)).toMatchObject({ body: "", attachments: [{ name: "screen.png", contentType: "image/png" }] });
    const empty = await reply(t, conversationId, { text: "  " });
    expect(empty.status).toBe(400);
    expect(Object.keys((await errorOf(empty)).fields ?? {})).toEqual(["text"]);
  });

  test("another workspace's file, a file already sent, an expired one and an unknown id are refused by position; nothing is sent", async () => {
    const { t, conversationId } = await setup();
    const mine = await uploadedId(t, PNG, "mine.png");
    const theirs = await uploadedId(t, PNG, "theirs.png", OTHER_KEY);
    const foreign = await reply(t, conversationId, { text: "Files", attachments: [mine, theirs] });
    expect(foreign.status).toBe(400);
    expect((await errorOf(foreign)).fields).toEqual({ "attachments.1": "Unknown, expired or already sent file." });

    expect((await reply(t, conversationId, { text: "First", attachments: [mine] })).status).toBe(201);
    const reused = await reply(t, conversationId, { text: "Again", attachments: [mine] });
    expect((await errorOf(reused)).fields).toEqual({ "attachments.0": "Unknown, expired or already sent file." });

    const stale = await uploadedId(t, PNG, "stale.png");
    await t.run(async (ctx) => ctx.db.patch(stale as Id<"apiFiles">, { expiresAt: Date.now() - 1 }));
    expect((await errorOf(await reply(t, conversationId, { text: "Old", attachments: [stale] }))).fields).toEqual({ "attachments.0": "Unknown, expired or already sent file." });
    expect((await errorOf(await reply(t, conversationId, { text: "?", attachments: ["nope"] }))).fields).toEqual({ "attachments.0": "Unknown, expired or already sent file." });

    const twice = await uploadedId(t, PNG, "twice.png");
    expect((await errorOf(await reply(t, conversationId, { text: "Twice", attachments: [twice, twice] }))).fields).toEqual({ "attachments.1": "The same file is attached twice." });

    const listed = await call(t, "GET", `/api/v1/conversations/${conversationId}/messages`);
    const bodies = ((await listed.json()) as { data: Array<{ body: string }> }).data.map((message) => message.body);
    expect(bodies).toEqual(["Can you send the invoice?", "First"]);
  });

  test("a ticket reply carries files too: the visitor's Tickets tab shows them and they download; the same checks apply", async () => {
    const { t, workspaceId, alice } = await setup();
    const ticket = await t.mutation(api.tickets.create, { sessionToken: alice.sessionToken, title: "Invoice missing", fields: { description: "Where is it?" } });
    const fileId = await uploadedId(t, PDF, "invoice.pdf");
    const { status, data } = await callChecked(t, "POST", `/api/v1/tickets/${ticket.id}/replies`, { attachments: [fileId] });
    expect(status).toBe(201);
    expect(data.attachments).toEqual([{ name: "invoice.pdf", contentType: "application/pdf", size: PDF.length, url: expect.stringMatching(/\/widget\/files\/[A-Za-z0-9_-]{43}$/) }]);

    const seen = await t.query(api.tickets.get, { sessionToken: alice.sessionToken, ticketId: ticket.id });
    expect(seen.replies.at(-1)).toMatchObject({ author: "agent", body: "", attachments: data.attachments });
    const agent = await signedInOperator(t, workspaceId, "agent");
    const inInbox = await agent.client.query(api.ticketsInbox.get, { workspaceId, ticket: ticket.id });
    expect(inInbox.replies.at(-1)).toMatchObject({ author: "agent", attachments: data.attachments });
    const served = await t.fetch(new URL(data.attachments[0].url).pathname);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("application/pdf");

    const reused = await call(t, "POST", `/api/v1/tickets/${ticket.id}/replies`, { body: { text: "Again", attachments: [fileId] } });
    expect(reused.status).toBe(400);
    expect((await errorOf(reused)).fields).toEqual({ "attachments.0": "Unknown, expired or already sent file." });
    const empty = await call(t, "POST", `/api/v1/tickets/${ticket.id}/replies`, { body: {} });
    expect(Object.keys((await errorOf(empty)).fields ?? {})).toEqual(["text"]);
  });

  test("a visitor cannot send a file the team sent on their ticket as their own", async () => {
    const { t, alice, conversationId } = await setup();
    const ticket = await t.mutation(api.tickets.create, { sessionToken: alice.sessionToken, title: "Invoice", fields: { description: "Please" } });
    const fileId = await uploadedId(t, PNG, "team.png");
    expect((await call(t, "POST", `/api/v1/tickets/${ticket.id}/replies`, { body: { text: "Here", attachments: [fileId] } })).status).toBe(201);
    const uploadId = await t.run(async (ctx) => (await ctx.db.query("uploads").first())!._id);
    await expect(
      t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "mine now", conversationId, clientMessageId: "m-steal", attachmentIds: [uploadId] }),
    ).rejects.toThrow(/Unknown or already sent file/);
  });

  test("an unsent file is deleted, bytes and all, when it expires", async () => {
    const { t } = await setup();
    const fileId = await uploadedId(t, PNG, "later.png");
    const storageId = await t.run(async (ctx) => (await ctx.db.get(fileId as Id<"apiFiles">))!.storageId);
    await t.mutation(internal.apiFiles.expire, { id: fileId as Id<"apiFiles"> });
    await t.run(async (ctx) => {
      expect(await ctx.db.get(fileId as Id<"apiFiles">)).toBeNull();
      expect(await ctx.storage.get(storageId)).toBeNull();
    });
  });
});

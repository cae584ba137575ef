// Operators' attachments: the visitors' upload path and checks, owned by the operator and the
// conversation's visitor together, sent on a reply, seen by the visitor in the messenger.
import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { bootVisitor, expectAppError, newBackend, type TestBackend } from "../helpers";
import { postTo, PDF, PNG } from "../messenger/uploads";
import { twoTeams, useAuthEnvironment, type TestOperator } from "./support";

useAuthEnvironment();

const INBOX_ORIGIN = "http://127.0.0.1:5174";

async function world() {
  const t = newBackend();
  const teams = await twoTeams(t);
  const visitor = await bootVisitor(t, "visitor-1", "acme");
  const { conversationId } = await t.mutation(api.messages.send, { sessionToken: visitor.sessionToken, body: "Can you send the invoice?", clientMessageId: "m-1" });
  return { t, teams, visitor, ids: { workspaceId: teams.acme as string, conversationId: conversationId as string } };
}

type Ids = { workspaceId: string; conversationId: string };

async function operatorUpload(t: TestBackend, operator: TestOperator, ids: Ids, bytes: number[], name: string) {
  const { uploadUrl } = await operator.client.action(api.inboxFiles.generateUploadUrl, ids);
  const answer = await postTo(t, uploadUrl, bytes, "application/octet-stream");
  expect(answer.status).toBe(200);
  const storageId = answer.json.storageId as string;
  return { storageId, saved: await operator.client.action(api.inboxFiles.saveUpload, { ...ids, storageId, name }) };
}

describe("operator attachments", () => {
  test("an operator's file goes out on a reply; the visitor lists it with a download URL served by type", async () => {
    const { t, teams, visitor, ids } = await world();
    const { saved } = await operatorUpload(t, teams.acmeAgent, ids, PDF, "../Invoice 42.pdf");
    expect(saved).toMatchObject({ name: "Invoice 42.pdf", contentType: "application/pdf", size: PDF.length });
    await teams.acmeAgent.client.mutation(api.inboxMessages.reply, { ...ids, body: "", attachmentIds: [saved.uploadId] });

    const messages = await t.query(api.messages.list, { sessionToken: visitor.sessionToken, conversationId: ids.conversationId });
    const reply = messages.at(-1)!;
    expect(reply).toMatchObject({ senderType: "agent", body: "", attachments: [{ name: "Invoice 42.pdf", contentType: "application/pdf" }] });
    const download = await t.fetch(new URL(reply.attachments![0]!.url!).pathname);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toBe("attachment; filename*=UTF-8''Invoice%2042.pdf");
    expect(download.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const inboxView = await teams.acmeAdmin.client.query(api.inboxMessages.list, ids);
    expect(inboxView.at(-1)?.attachments?.[0]?.url).toBe(reply.attachments![0]!.url);
    const { conversations: [listed] } = await teams.acmeAdmin.client.query(api.inboxConversations.list, { workspaceId: ids.workspaceId, filter: "open", limit: 10 });
    expect(listed?.lastMessagePreview).toBe("📎 Invoice 42.pdf");
  });

  test("the bytes decide: a file that is not an allowed type is refused and never stored", async () => {
    const { t, teams, ids } = await world();
    const { uploadUrl } = await teams.acmeAgent.client.action(api.inboxFiles.generateUploadUrl, ids);
    const refused = await postTo(t, uploadUrl, [0, 1, 2, 3], "image/png");
    expect(refused).toMatchObject({ status: 400, json: { error: { code: "INVALID_ARGUMENT", fields: { file: expect.any(String) } } } });
    expect(await t.run(async (ctx) => (await ctx.db.system.query("_storage").collect()).length)).toBe(0);
    // A grant stores one file at most.
    expect((await postTo(t, uploadUrl, PNG)).status).toBe(404);
  });

  test("nobody else can save or send an operator's file: not the visitor, not a teammate", async () => {
    const { t, teams, visitor, ids } = await world();
    const { storageId, saved } = await operatorUpload(t, teams.acmeAgent, ids, PNG, "screen.png");
    await expectAppError(t.action(api.files.saveUpload, { sessionToken: visitor.sessionToken, storageId, name: "mine.png" }), "NOT_FOUND", "storageId");
    await expectAppError(
      t.mutation(api.messages.send, { sessionToken: visitor.sessionToken, conversationId: ids.conversationId, body: "look", clientMessageId: "m-2", attachmentIds: [saved.uploadId] }),
      "INVALID_ARGUMENT",
      "attachmentIds.0",
    );
    await expectAppError(teams.acmeAdmin.client.mutation(api.inboxMessages.reply, { ...ids, body: "x", attachmentIds: [saved.uploadId] }), "INVALID_ARGUMENT", "attachmentIds.0");

    // Nor can an operator send a visitor's upload as their own.
    const { uploadUrl } = await t.action(api.files.generateUploadUrl, { sessionToken: visitor.sessionToken });
    const visitorFile = (await postTo(t, uploadUrl, PNG)).json.storageId as string;
    await expectAppError(teams.acmeAgent.client.action(api.inboxFiles.saveUpload, { ...ids, storageId: visitorFile, name: "x.png" }), "NOT_FOUND", "storageId");
    const visitorUpload = await t.action(api.files.saveUpload, { sessionToken: visitor.sessionToken, storageId: visitorFile, name: "v.png" });
    await expectAppError(teams.acmeAgent.client.mutation(api.inboxMessages.reply, { ...ids, body: "x", attachmentIds: [visitorUpload.uploadId] }), "INVALID_ARGUMENT", "attachmentIds.0");

    // Sent once, never again.
    await teams.acmeAgent.client.mutation(api.inboxMessages.reply, { ...ids, body: "Here", attachmentIds: [saved.uploadId] });
    await expectAppError(teams.acmeAgent.client.mutation(api.inboxMessages.reply, { ...ids, body: "Again", attachmentIds: [saved.uploadId] }), "INVALID_ARGUMENT", "attachmentIds.0");
  });

  test("an upload URL is for a conversation of one's own workspace", async () => {
    const { teams, ids } = await world();
    await expectAppError(teams.globexAdmin.client.action(api.inboxFiles.generateUploadUrl, ids), "FORBIDDEN");
    await expectAppError(teams.globexAdmin.client.action(api.inboxFiles.generateUploadUrl, { workspaceId: teams.globex, conversationId: ids.conversationId }), "NOT_FOUND");
  });

  test("CORS on an operator's upload answers the inbox's origin, not the workspace's sites", async () => {
    const { t, teams, ids } = await world();
    const { uploadUrl } = await teams.acmeAgent.client.action(api.inboxFiles.generateUploadUrl, ids);
    const path = new URL(uploadUrl).pathname;
    const preflight = (origin: string) => t.fetch(path, { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "POST" } });
    expect((await preflight(INBOX_ORIGIN)).headers.get("Access-Control-Allow-Origin")).toBe(INBOX_ORIGIN);
    expect((await preflight("https://shop.example.com")).headers.get("Access-Control-Allow-Origin")).toBeNull();
  });
});

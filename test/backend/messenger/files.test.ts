import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import type { TestBackend } from "../helpers";
import { expectAppError } from "../helpers";
import { messengerSetup, rest } from "./support";
import { PDF, PNG, postFile, uploaded } from "./uploads";

const exists = (t: TestBackend, storageId: string) =>
  t.run(async (ctx) => (await ctx.storage.get(storageId as Id<"_storage">)) !== null);

describe("attachments", () => {
  test("an upload is typed by its bytes, sent with a message, listed with a URL for visitor and agent", async () => {
    const { t, alice } = await messengerSetup();
    const { uploadUrl } = await t.action(api.files.generateUploadUrl, { sessionToken: alice.sessionToken });
    expect(uploadUrl).toMatch(/^https?:\/\/[^/]+\/widget\/uploads\/[A-Za-z0-9_-]{43}$/);
    // Declared as text by the client: the bytes say PNG, and PNG wins.
    const storageId = await uploaded(t, alice.sessionToken, PNG, "text/plain");
    const saved = await t.action(api.files.saveUpload, { sessionToken: alice.sessionToken, storageId, name: "../../Screen shot.png" });
    expect(saved).toMatchObject({ name: "Screen shot.png", contentType: "image/png", size: PNG.length });

    const sent = await t.mutation(api.messages.send, {
      sessionToken: alice.sessionToken,
      body: "  ",
      clientMessageId: "with-file",
      attachmentIds: [saved.uploadId],
    });
    const [message] = await t.query(api.messages.list, { sessionToken: alice.sessionToken, conversationId: sent.conversationId });
    expect(message).toMatchObject({ body: "", attachments: [{ name: "Screen shot.png", contentType: "image/png", size: PNG.length }] });
    expect(message?.attachments?.[0]?.url).toMatch(/^https?:\/\/[^/]+\/widget\/files\/[A-Za-z0-9_-]{43}$/);

    const agentView = (await rest(t, "GET", `/api/v1/conversations/${sent.conversationId}/messages`)).json.data;
    expect(agentView[0].attachments[0]).toMatchObject({ name: "Screen shot.png", contentType: "image/png", url: message?.attachments?.[0]?.url });
    const [conversation] = (await rest(t, "GET", "/api/v1/conversations")).json.data;
    expect(conversation.lastMessagePreview).toBe("📎 Screen shot.png");

    const download = await t.fetch(new URL(message!.attachments![0]!.url!).pathname);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(new Uint8Array(PNG));
  });

  test("text files must be .txt and really text; other types are refused and never stored", async () => {
    const { t, alice } = await messengerSetup();
    const token = alice.sessionToken;
    const text = await uploaded(t, token, [...new TextEncoder().encode("hello\nworld ✓")]);
    expect((await t.action(api.files.saveUpload, { sessionToken: token, storageId: text, name: "notes.txt" })).contentType).toBe("text/plain");
    const pdf = await uploaded(t, token, PDF);
    expect((await t.action(api.files.saveUpload, { sessionToken: token, storageId: pdf, name: "a.pdf" })).contentType).toBe("application/pdf");

    const binary = await postFile(t, token, [0, 1, 2, 3]);
    expect(binary).toMatchObject({ status: 400, json: { error: { code: "INVALID_ARGUMENT", fields: { file: expect.any(String) } } } });
    const textAsImage = await uploaded(t, token, [...new TextEncoder().encode("just words")], "image/png");
    await expectAppError(t.action(api.files.saveUpload, { sessionToken: token, storageId: textAsImage, name: "x.png" }), "INVALID_ARGUMENT", "file");
    expect(await exists(t, textAsImage)).toBe(false);
    expect(await t.run(async (ctx) => (await ctx.db.system.query("_storage").collect()).length)).toBe(2);
  });

  test("images over 5 MB are refused; a PDF may be up to 10 MB", async () => {
    const { t, alice } = await messengerSetup();
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG);
    expect((await postFile(t, alice.sessionToken, big)).status).toBe(400);
    const bigPdf = new Uint8Array(6 * 1024 * 1024);
    bigPdf.set(PDF);
    const pdf = await uploaded(t, alice.sessionToken, bigPdf);
    expect((await t.action(api.files.saveUpload, { sessionToken: alice.sessionToken, storageId: pdf, name: "big.pdf" })).size).toBe(bigPdf.length);
  });

  test("an upload goes on one message of its owner only, and cannot be saved twice", async () => {
    const { t, alice, bob } = await messengerSetup();
    const storageId = await uploaded(t, alice.sessionToken, PNG);
    const saved = await t.action(api.files.saveUpload, { sessionToken: alice.sessionToken, storageId, name: "a.png" });
    await expectAppError(t.action(api.files.saveUpload, { sessionToken: alice.sessionToken, storageId, name: "a.png" }), "CONFLICT", "storageId");
    await expectAppError(t.action(api.files.saveUpload, { sessionToken: bob.sessionToken, storageId, name: "a.png" }), "NOT_FOUND", "storageId");
    await expectAppError(
      t.mutation(api.messages.send, { sessionToken: bob.sessionToken, body: "", clientMessageId: "steal", attachmentIds: [saved.uploadId] }),
      "INVALID_ARGUMENT",
      "attachmentIds.0",
    );
    await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "once", clientMessageId: "first", attachmentIds: [saved.uploadId] });
    await expectAppError(
      t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "twice", clientMessageId: "second", attachmentIds: [saved.uploadId] }),
      "INVALID_ARGUMENT",
      "attachmentIds.0",
    );
    await expectAppError(
      t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "", clientMessageId: "empty" }),
      "INVALID_ARGUMENT",
      "body",
    );
  });

  test("an unknown storage id is NOT_FOUND; a bad session is refused", async () => {
    const { t, alice } = await messengerSetup();
    const storageId = await t.run(async (ctx) => ctx.storage.store(new Blob([new Uint8Array(PNG)])));
    await expectAppError(t.action(api.files.saveUpload, { sessionToken: alice.sessionToken, storageId, name: "a.png" }), "NOT_FOUND", "storageId");
    await expectAppError(t.action(api.files.saveUpload, { sessionToken: alice.sessionToken, storageId: "nonsense", name: "a.png" }), "NOT_FOUND", "storageId");
    await expectAppError(t.action(api.files.saveUpload, { sessionToken: "wst_nope", storageId, name: "a.png" }), "UNAUTHENTICATED");
    await expectAppError(t.action(api.files.generateUploadUrl, { sessionToken: "wst_nope" }), "UNAUTHENTICATED");
  });
});

import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import type { TestBackend } from "../helpers";
import { expectAppError } from "../helpers";
import { messengerSetup, rest } from "./support";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d];
const PDF = [...new TextEncoder().encode("%PDF-1.7\n")];

async function store(t: TestBackend, bytes: number[] | Uint8Array, type = "application/octet-stream"): Promise<Id<"_storage">> {
  return await t.run(async (ctx) => ctx.storage.store(new Blob([new Uint8Array(bytes)], { type })));
}

const exists = (t: TestBackend, storageId: Id<"_storage">) => t.run(async (ctx) => (await ctx.storage.get(storageId)) !== null);

describe("attachments", () => {
  test("an upload is typed by its bytes, sent with a message, listed with a URL for visitor and agent", async () => {
    const { t, alice } = await messengerSetup();
    await t.mutation(api.files.generateUploadUrl, { sessionToken: alice.sessionToken }).then(({ uploadUrl }) => expect(uploadUrl).toMatch(/^https?:/));
    // Declared as text by the client: the bytes say PNG, and PNG wins.
    const storageId = await store(t, PNG, "text/plain");
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
    expect(message?.attachments?.[0]?.url).toMatch(/^https?:\/\//);

    const agentView = (await rest(t, "GET", `/api/v1/conversations/${sent.conversationId}/messages`)).json.data;
    expect(agentView[0].attachments[0]).toMatchObject({ name: "Screen shot.png", contentType: "image/png" });
    const [conversation] = (await rest(t, "GET", "/api/v1/conversations")).json.data;
    expect(conversation.lastMessagePreview).toBe("📎 Screen shot.png");
  });

  test("text files must be .txt and really text; other types are refused and deleted", async () => {
    const { t, alice } = await messengerSetup();
    const token = alice.sessionToken;
    const text = await store(t, [...new TextEncoder().encode("hello\nworld ✓")]);
    expect((await t.action(api.files.saveUpload, { sessionToken: token, storageId: text, name: "notes.txt" })).contentType).toBe("text/plain");
    const pdf = await store(t, PDF);
    expect((await t.action(api.files.saveUpload, { sessionToken: token, storageId: pdf, name: "a.pdf" })).contentType).toBe("application/pdf");

    const binary = await store(t, [0, 1, 2, 3]);
    await expectAppError(t.action(api.files.saveUpload, { sessionToken: token, storageId: binary, name: "fake.txt" }), "INVALID_ARGUMENT", "file");
    expect(await exists(t, binary)).toBe(false);
    const html = await store(t, [...new TextEncoder().encode("<script>alert(1)</script>")], "image/png");
    await expectAppError(t.action(api.files.saveUpload, { sessionToken: token, storageId: html, name: "x.png" }), "INVALID_ARGUMENT", "file");
    expect(await exists(t, html)).toBe(false);
  });

  test("images over 5 MB are refused; a PDF may be up to 10 MB", async () => {
    const { t, alice } = await messengerSetup();
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG);
    const image = await store(t, big);
    await expectAppError(t.action(api.files.saveUpload, { sessionToken: alice.sessionToken, storageId: image, name: "big.png" }), "INVALID_ARGUMENT", "file");
    const bigPdf = new Uint8Array(6 * 1024 * 1024);
    bigPdf.set(PDF);
    const pdf = await store(t, bigPdf);
    expect((await t.action(api.files.saveUpload, { sessionToken: alice.sessionToken, storageId: pdf, name: "big.pdf" })).size).toBe(bigPdf.length);
  });

  test("an upload goes on one message of its owner only, and cannot be saved twice", async () => {
    const { t, alice, bob } = await messengerSetup();
    const storageId = await store(t, PNG);
    const saved = await t.action(api.files.saveUpload, { sessionToken: alice.sessionToken, storageId, name: "a.png" });
    await expectAppError(t.action(api.files.saveUpload, { sessionToken: bob.sessionToken, storageId, name: "a.png" }), "CONFLICT", "storageId");
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
    const storageId = await store(t, PNG);
    await t.run(async (ctx) => ctx.storage.delete(storageId));
    await expectAppError(t.action(api.files.saveUpload, { sessionToken: alice.sessionToken, storageId, name: "a.png" }), "NOT_FOUND", "storageId");
    await expectAppError(t.action(api.files.saveUpload, { sessionToken: "wst_nope", storageId, name: "a.png" }), "UNAUTHENTICATED");
  });
});

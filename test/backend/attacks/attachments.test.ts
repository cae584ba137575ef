import { afterEach, describe, expect, test, vi } from "vitest";
import { api } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { expectAppError, type TestBackend } from "../helpers";
import { messengerSetup } from "../messenger/support";
import { PNG, postFile, postTo, uploaded } from "../messenger/uploads";

/*
 * Attacks on attachments: ownership of uploads, the type files are served with,
 * polyglots, unsaved uploads, guessable URLs. Each test failed before its fix.
 */

afterEach(() => {
  vi.useRealTimers();
});

const text = (value: string) => [...new TextEncoder().encode(value)];
const exists = (t: TestBackend, storageId: string) =>
  t.run(async (ctx) => (await ctx.storage.get(storageId as Id<"_storage">)) !== null);

async function sendFile(t: TestBackend, sessionToken: string, bytes: number[], name: string, declared?: string) {
  const storageId = await uploaded(t, sessionToken, bytes, declared);
  const saved = await t.action(api.files.saveUpload, { sessionToken, storageId, name });
  const sent = await t.mutation(api.messages.send, { sessionToken, body: "", clientMessageId: `file-${encodeURIComponent(name)}`, attachmentIds: [saved.uploadId] });
  const messages = await t.query(api.messages.list, { sessionToken, conversationId: sent.conversationId });
  const url = messages.at(-1)?.attachments?.[0]?.url;
  if (typeof url !== "string") throw new Error("no attachment URL");
  return { storageId, url, path: new URL(url).pathname };
}

describe("upload ownership", () => {
  test("another visitor's storage id can neither delete nor claim the upload", async () => {
    const { t, alice, bob } = await messengerSetup();
    const storageId = await uploaded(t, alice.sessionToken, PNG);
    // Bob learned Alice's storage id: saving it under a name that would be refused used to delete it.
    await expectAppError(t.action(api.files.saveUpload, { sessionToken: bob.sessionToken, storageId, name: "x.exe" }), "NOT_FOUND", "storageId");
    await expectAppError(t.action(api.files.saveUpload, { sessionToken: bob.sessionToken, storageId, name: "mine.png" }), "NOT_FOUND", "storageId");
    expect(await exists(t, storageId)).toBe(true);
    // Alice's own save still works: Bob could not claim it first.
    await expect(t.action(api.files.saveUpload, { sessionToken: alice.sessionToken, storageId, name: "a.png" })).resolves.toMatchObject({
      contentType: "image/png",
    });
  });

  test("an upload URL stores one file, only until it expires", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { t, alice } = await messengerSetup();
    const { uploadUrl } = await t.action(api.files.generateUploadUrl, { sessionToken: alice.sessionToken });
    expect((await postTo(t, uploadUrl, PNG)).status).toBe(200);
    expect((await postTo(t, uploadUrl, PNG)).status).toBe(404);
    const { uploadUrl: later } = await t.action(api.files.generateUploadUrl, { sessionToken: alice.sessionToken });
    vi.setSystemTime(Date.now() + 10 * 60_000 + 1);
    expect((await postTo(t, later, PNG)).status).toBe(404);
  });
});

describe("stored files are served with the type their bytes prove", () => {
  test("HTML uploaded as text/html and named invoice.txt is served as a text download with nosniff", async () => {
    const { t, alice } = await messengerSetup();
    const html = "<html><body><script>parent.__pwned = 1</script></body></html>";
    const { path } = await sendFile(t, alice.sessionToken, text(html), "invoice.txt", "text/html");
    const served = await t.fetch(path);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(served.headers.get("Content-Disposition")).toBe("attachment; filename*=UTF-8''invoice.txt");
    expect(served.headers.get("Content-Security-Policy")).toContain("sandbox");
    expect(await served.text()).toBe(html);
  });

  test("images are served inline with their sniffed type; PDFs as downloads", async () => {
    const { t, alice } = await messengerSetup();
    const image = await t.fetch((await sendFile(t, alice.sessionToken, PNG, "shot.png", "text/html")).path);
    expect(image.headers.get("Content-Type")).toBe("image/png");
    expect(image.headers.get("Content-Disposition")).toMatch(/^inline; /);
    expect(image.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const pdf = await t.fetch((await sendFile(t, alice.sessionToken, text("%PDF-1.4\n%x"), "a b'(c).pdf", "text/html")).path);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(pdf.headers.get("Content-Disposition")).toBe("attachment; filename*=UTF-8''a%20b%27%28c%29.pdf");
  });

  test("a PNG signature followed by HTML is refused, and nothing is stored", async () => {
    const { t, alice } = await messengerSetup();
    for (const tail of ["<html><script>alert(1)</script>", "<SVG onload=alert(1)>", "<!DOCTYPE html><p>x"]) {
      const polyglot = await postFile(t, alice.sessionToken, [...PNG, ...text(tail)], "image/png");
      expect(polyglot).toMatchObject({ status: 400, json: { error: { code: "INVALID_ARGUMENT", fields: { file: expect.stringMatching(/markup/) } } } });
    }
    expect(await t.run(async (ctx) => (await ctx.db.system.query("_storage").collect()).length)).toBe(0);
  });

  test("files are reachable only through unguessable URLs, once sent; storage URLs are never handed out", async () => {
    const { t, alice } = await messengerSetup();
    const first = await sendFile(t, alice.sessionToken, PNG, "one.png");
    const second = await sendFile(t, alice.sessionToken, PNG, "two.png");
    for (const { url, storageId } of [first, second]) {
      expect(url).toMatch(/\/widget\/files\/[A-Za-z0-9_-]{43}$/);
      expect(url).not.toContain(storageId);
      expect(url).not.toContain("/api/storage/");
    }
    expect(first.url).not.toBe(second.url);
    const list = await t.query(api.conversations.listForVisitor, { sessionToken: alice.sessionToken });
    const messages = await t.query(api.messages.list, { sessionToken: alice.sessionToken, conversationId: list[0]!._id });
    expect(JSON.stringify(messages)).not.toContain(first.storageId);
    // Neighbouring keys, the storage id itself, and an uploaded-but-unsent file: all 404.
    for (const path of [`/widget/files/${"A".repeat(43)}`, `/widget/files/${first.storageId}`, "/widget/files/1"]) {
      expect((await t.fetch(path)).status).toBe(404);
    }
    const unsent = await uploaded(t, alice.sessionToken, PNG);
    const key = await t.run(async (ctx) => (await ctx.db.query("pendingFiles").collect()).find((row) => row.storageId === unsent)?.accessKey);
    expect((await t.fetch(`/widget/files/${key}`)).status).toBe(404);
  });
});

describe("unsaved uploads expire", () => {
  test("a file never saved is deleted after an hour; one saved but never sent after a day", async () => {
    vi.useFakeTimers();
    const { t, alice } = await messengerSetup();
    const unsaved = await uploaded(t, alice.sessionToken, PNG);
    const saved = await uploaded(t, alice.sessionToken, PNG);
    await t.action(api.files.saveUpload, { sessionToken: alice.sessionToken, storageId: saved, name: "kept.png" });
    vi.advanceTimersByTime(60 * 60_000 + 1);
    await t.finishInProgressScheduledFunctions();
    expect(await exists(t, unsaved)).toBe(false);
    expect(await exists(t, saved)).toBe(true);
    await expectAppError(t.action(api.files.saveUpload, { sessionToken: alice.sessionToken, storageId: unsaved, name: "late.png" }), "NOT_FOUND");
    vi.advanceTimersByTime(24 * 60 * 60_000);
    await t.finishInProgressScheduledFunctions();
    expect(await exists(t, saved)).toBe(false);
  });
});

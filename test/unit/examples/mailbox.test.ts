// @vitest-environment node
// The local mailbox (examples/mailbox/serve.mjs): the provider's POST /emails as the backend
// calls it, refusals that name the field, idempotency keys, a page that shows mails without
// running anything in them, and mails kept across a restart.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs example service, without type declarations
import { startMailbox } from "../../../examples/mailbox/serve.mjs";

type Mailbox = { url: string; mails(): Array<Record<string, unknown>>; close(): Promise<void> };

const open: Mailbox[] = [];
afterEach(async () => {
  while (open.length > 0) await open.pop()!.close();
});

async function mailbox(file = join(mkdtempSync(join(tmpdir(), "mailbox-")), "mailbox.json")): Promise<Mailbox & { file: string }> {
  const started = (await startMailbox({ port: 0, file })) as Mailbox;
  open.push(started);
  return { ...started, file };
}

const MAIL = { from: "Acme <support@acme.test>", to: ["pat@example.com"], subject: "New reply from Acme", text: "Hello <b>Pat</b>", html: "<p>Hello</p><script>parent.hacked = 1</script>" };

function send(box: Mailbox, body: unknown, headers: Record<string, string> = { Authorization: "Bearer any-key" }) {
  return fetch(`${box.url}/emails`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
}

describe("the local mailbox", () => {
  it("stores a mail once per idempotency key and answers its id", async () => {
    const box = await mailbox();
    const first = await send(box, MAIL, { Authorization: "Bearer k", "Idempotency-Key": "reply-email/1" });
    const again = await send(box, MAIL, { Authorization: "Bearer k", "Idempotency-Key": "reply-email/1" });
    expect(first.status).toBe(200);
    const { id } = (await first.json()) as { id: string };
    expect(await again.json()).toEqual({ id });
    expect(box.mails()).toHaveLength(1);
    expect(box.mails()[0]).toMatchObject({ id, subject: "New reply from Acme", to: ["pat@example.com"] });
  });

  it("refuses what a provider refuses, naming the field", async () => {
    const box = await mailbox();
    expect((await send(box, MAIL, {})).status).toBe(401);
    const noRecipient = await send(box, { ...MAIL, to: "nobody" });
    expect(noRecipient.status).toBe(422);
    expect(await noRecipient.json()).toMatchObject({ name: "validation_error", message: expect.stringContaining("`to`") });
    expect((await send(box, { ...MAIL, subject: "" })).status).toBe(422);
    expect(box.mails()).toEqual([]);
  });

  it("shows mails with their text escaped and their HTML in a sandboxed frame, and keeps them across a restart", async () => {
    const box = await mailbox();
    await send(box, MAIL);
    const page = await fetch(`${box.url}/`);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain("Hello &lt;b&gt;Pat&lt;/b&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toMatch(/<iframe title="New reply from Acme" sandbox srcdoc="&lt;p&gt;Hello/);
    await box.close();
    open.pop();
    const restarted = await mailbox(box.file);
    expect(restarted.mails()).toHaveLength(1);
  });
});

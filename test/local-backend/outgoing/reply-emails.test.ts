// Replies by email end to end, as `npm run dev` runs them: the local backend with the real
// convex/ app sends a reply to a visitor who left to the local mailbox (examples/mailbox),
// which speaks the provider's API; a person reads it on the mailbox page.
import { mkdtempSync } from "node:fs";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_BACKEND_ARGS, APP_DEV_ENV, APP_FUNCTIONS, BackendProcess, httpClient } from "../../support/backend-process";
// @ts-expect-error -- a plain .mjs example service, without type declarations
import { startMailbox } from "../../../examples/mailbox/serve.mjs";

type Mail = { from: string; to: string[]; subject: string; text: string; html: string; idempotencyKey: string };
type Mailbox = { url: string; mails(): Mail[]; close(): Promise<void> };

describe("replies by email through the local mailbox", () => {
  let mailbox: Mailbox;
  let backend: BackendProcess;

  beforeAll(async () => {
    mailbox = (await startMailbox({ port: 0, file: join(mkdtempSync(join(tmpdir(), "opencom-mailbox-")), "mailbox.json") })) as Mailbox;
    backend = new BackendProcess(APP_FUNCTIONS, APP_BACKEND_ARGS, {
      ...APP_DEV_ENV,
      OPENCOM_EMAIL_API_URL: mailbox.url,
      OPENCOM_EMAIL_API_KEY: "local-mailbox",
      OPENCOM_EMAIL_FROM: "Demo support <support@demo.localhost>",
      // A batch of 300 ms, and a visitor counts as gone at once.
      OPENCOM_REPLY_EMAIL_TIMING: JSON.stringify({ batchMs: 300, connectedMs: 0 }),
    });
    await backend.start();
  });

  afterAll(async () => {
    await backend?.dispose();
    await mailbox?.close();
  });

  it("emails two quick replies once, readable on the mailbox page", async () => {
    const demo = JSON.parse(readFileSync(join(backend.dataDir, "demo.json"), "utf8")) as { adminApiKey: string };
    const client = httpClient(backend.apiUrl);
    const session = (await client.action("widgetSessions:boot" as never, { workspaceId: "demo", sessionId: "email-visitor" } as never)) as { sessionToken: string };
    await client.mutation("messenger:saveEmail" as never, { sessionToken: session.sessionToken, email: "pat@example.com" } as never);
    const { conversationId } = (await client.mutation("messages:send" as never, { sessionToken: session.sessionToken, body: "Is it in stock?", clientMessageId: "e-1" } as never)) as { conversationId: string };

    const reply = (text: string) =>
      fetch(`${backend.siteUrl}/api/v1/conversations/${conversationId}/messages`, {
        method: "POST",
        headers: { Authorization: `Bearer ${demo.adminApiKey}`, "Content-Type": "application/json" },
        body: JSON.stringify({ text, authorName: "Ada" }),
      });
    expect((await reply("Yes, **three** left.")).status).toBe(201);
    expect((await reply("Shall I hold one?")).status).toBe(201);

    const deadline = Date.now() + 15_000;
    while (mailbox.mails().length === 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
    // Time for a wrongful second email to show up.
    await new Promise((done) => setTimeout(done, 1500));
    expect(mailbox.mails()).toHaveLength(1);
    const [mail] = mailbox.mails();
    expect(mail).toMatchObject({ from: "Demo support <support@demo.localhost>", to: ["pat@example.com"], subject: "2 new replies from Demo workspace" });
    expect(mail?.text).toMatch(/Ada:\nYes, \*\*three\*\* left\.\n\nAda:\nShall I hold one\?/);

    const page = await (await fetch(`${mailbox.url}/`)).text();
    expect(page).toContain("2 new replies from Demo workspace");
    expect(page).toContain("pat@example.com");
  });
});

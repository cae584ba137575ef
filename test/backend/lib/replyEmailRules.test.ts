// Which replies go by email and what the email says (convex/lib/replyEmailRules.ts): pure.
import { describe, expect, it } from "vitest";
import { composeReplyEmail, decideReplyEmail, DEFAULT_REPLY_EMAIL_TIMING, emailConfig, replyEmailTiming, type Reply } from "../../../convex/lib/replyEmailRules";

const NOW = 1_800_000_000_000;
const MINUTE = 60_000;
const reply = (minutesAgo: number, body = `reply ${minutesAgo}`): Reply => ({ createdAt: NOW - minutesAgo * MINUTE, authorName: "Ada", body, files: [] });
const away = { email: "pat@example.com", lastSeenAt: NOW - 10 * MINUTE, readAt: null };

describe("decideReplyEmail", () => {
  it("sends the unread replies after the mark to an away visitor with an address", () => {
    const replies = [reply(5), reply(2), reply(1)];
    expect(decideReplyEmail(away, replies, NOW - 3 * MINUTE, NOW)).toEqual({ kind: "send", replies: [reply(2), reply(1)], through: NOW - MINUTE });
  });

  it("leaves out what the visitor read, and skips when nothing is left", () => {
    const read = { ...away, readAt: NOW - 2 * MINUTE };
    expect(decideReplyEmail(read, [reply(3), reply(1)], 0, NOW)).toMatchObject({ kind: "send", replies: [reply(1)] });
    expect(decideReplyEmail({ ...away, readAt: NOW }, [reply(3), reply(1)], 0, NOW)).toEqual({ kind: "skip", through: NOW - MINUTE });
  });

  it("skips a visitor without an address, for good", () => {
    expect(decideReplyEmail({ ...away, email: null }, [reply(1)], 0, NOW)).toEqual({ kind: "skip", through: NOW - MINUTE });
  });

  it("waits while the visitor is on the site, up to the recheck limit", () => {
    const present = { ...away, lastSeenAt: NOW - 30_000 };
    expect(decideReplyEmail(present, [reply(1)], 0, NOW)).toEqual({ kind: "wait" });
    expect(decideReplyEmail(present, [reply(61)], 0, NOW)).toEqual({ kind: "skip", through: NOW - 61 * MINUTE });
    expect(decideReplyEmail(present, [reply(1)], 0, NOW, { ...DEFAULT_REPLY_EMAIL_TIMING, connectedMs: 0 })).toMatchObject({ kind: "send" });
  });
});

describe("composeReplyEmail", () => {
  it("lists each reply with its author and files; HTML escapes what the replies say", () => {
    const email = composeReplyEmail("Acme", [
      { ...reply(2, "Use <script>x</script> & more"), files: [{ name: "label.pdf", url: "https://x.convex.site/widget/files/abc" }] },
      reply(1, "Bye"),
    ], "https://shop.example.com/cart");
    expect(email.subject).toBe("2 new replies from Acme");
    expect(email.text).toBe("Ada:\nUse <script>x</script> & more\n📎 label.pdf: https://x.convex.site/widget/files/abc\n\nAda:\nBye\n\nReply in the chat: https://shop.example.com/cart\n");
    expect(email.html).toContain("Use &lt;script&gt;x&lt;/script&gt; &amp; more");
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain('<a href="https://x.convex.site/widget/files/abc">label.pdf</a>');
    expect(composeReplyEmail("Acme", [reply(1)], null).subject).toBe("New reply from Acme");
  });
});

describe("settings", () => {
  it("turns email on only with all three variables, and names a bad URL", () => {
    const env = { OPENCOM_EMAIL_API_URL: "https://api.resend.com/", OPENCOM_EMAIL_API_KEY: "re_x", OPENCOM_EMAIL_FROM: "A <a@acme.test>" };
    expect(emailConfig(env)).toEqual({ endpoint: "https://api.resend.com/emails", apiKey: "re_x", from: "A <a@acme.test>" });
    expect(emailConfig({ ...env, OPENCOM_EMAIL_FROM: " " })).toBeNull();
    expect(() => emailConfig({ ...env, OPENCOM_EMAIL_API_URL: "not a url" })).toThrow(/OPENCOM_EMAIL_API_URL must be a URL/);
  });

  it("reads timing overrides and refuses bad ones by name", () => {
    expect(replyEmailTiming(undefined)).toEqual(DEFAULT_REPLY_EMAIL_TIMING);
    expect(replyEmailTiming('{"batchMs": 200}')).toEqual({ ...DEFAULT_REPLY_EMAIL_TIMING, batchMs: 200 });
    expect(() => replyEmailTiming("{")).toThrow(/OPENCOM_REPLY_EMAIL_TIMING must be JSON/);
    expect(() => replyEmailTiming('{"connectedMs": -1}')).toThrow(/connectedMs must be a whole number/);
  });
});

import type { Id } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";
import { appendMessage, startConversation } from "./conversations";

/*
 * A busy inbox for the demo workspace: many visitors, each with a conversation of a few
 * messages, spread over the past days. The bench measures the inbox against it, and anyone
 * can try the inbox at scale with it (seed:busyInbox).
 */

const QUESTIONS = [
  "Hi! I can't find the **export** button anywhere.",
  "Is there a discount for annual plans?",
  "My invoice shows the wrong company name.",
  "The dashboard has been loading forever since this morning.",
  "Can I invite my whole team on the starter plan?",
  "How do I connect my Slack workspace?",
];
const ANSWERS = ["Thanks for reaching out! Let me check that for you.", "Good question — give me a minute.", ""];

/** Inserts `count` conversations (numbered from `from`), newest last; returns how many. */
export async function insertBusyInbox(db: DatabaseWriter, workspaceId: Id<"workspaces">, from: number, count: number, now: number): Promise<number> {
  for (let index = from; index < from + count; index++) {
    const startedAt = now - (from + count - index) * 7 * 60_000;
    const visitorId = await db.insert("visitors", {
      workspaceId,
      sessionId: `busy-inbox-${index}`,
      lastSeenAt: startedAt,
      identified: index % 3 === 0,
      verified: false,
      ...(index % 3 === 0 ? { name: `Customer ${index + 1}`, email: `customer${index + 1}@example.com` } : {}),
      lastPageUrl: `https://shop.example.com/pricing?ref=${index}`,
    });
    const visitor = (await db.get("visitors", visitorId))!;
    let conversation = await startConversation(db, visitor, startedAt);
    const question = QUESTIONS[index % QUESTIONS.length]!;
    await appendMessage(db, conversation, { senderType: "visitor", body: question, createdAt: startedAt, visitorId });
    const answer = ANSWERS[index % ANSWERS.length]!;
    if (answer !== "") {
      conversation = (await db.get("conversations", conversation._id))!;
      await appendMessage(db, conversation, { senderType: "agent", body: answer, createdAt: startedAt + 60_000, senderName: "Alan Agent" });
    }
  }
  return count;
}

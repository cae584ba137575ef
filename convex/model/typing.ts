import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";

export type TypingActor = Doc<"typingIndicators">["actor"];

/** A typing indicator lasts this long after the last keystroke report. */
export const TYPING_TTL_MS = 5_000;

export async function typingRow(
  db: DatabaseReader,
  conversationId: Id<"conversations">,
  actor: TypingActor,
): Promise<Doc<"typingIndicators"> | null> {
  return await db
    .query("typingIndicators")
    .withIndex("by_conversation_actor", (q) => q.eq("conversationId", conversationId).eq("actor", actor))
    .unique();
}

/**
 * Starts or stops `actor`'s typing indicator; returns when it expires (null
 * when stopped). A report while more than half the time is left writes
 * nothing, so a fast typist does not re-run every subscriber on each key.
 */
export async function setTyping(
  db: DatabaseWriter,
  conversationId: Id<"conversations">,
  actor: TypingActor,
  typing: boolean,
  now: number,
  name?: string,
): Promise<number | null> {
  const row = await typingRow(db, conversationId, actor);
  if (!typing) {
    if (row !== null) await db.delete(row._id);
    return null;
  }
  if (row !== null && row.expiresAt - now > TYPING_TTL_MS / 2 && row.name === name) return row.expiresAt;
  const expiresAt = now + TYPING_TTL_MS;
  if (row === null) await db.insert("typingIndicators", { conversationId, actor, expiresAt, ...(name !== undefined ? { name } : {}) });
  else await db.patch(row._id, { expiresAt, name });
  return expiresAt;
}

/** A message from `actor` ends their typing indicator. */
export async function clearTyping(db: DatabaseWriter, conversationId: Id<"conversations">, actor: TypingActor): Promise<void> {
  const row = await typingRow(db, conversationId, actor);
  if (row !== null) await db.delete(row._id);
}

/** The live indicator of `actor`, or null when there is none or it has expired. */
export async function activeTyping(
  db: DatabaseReader,
  conversationId: Id<"conversations">,
  actor: TypingActor,
  now: number,
): Promise<{ name: string | null; expiresAt: number } | null> {
  const row = await typingRow(db, conversationId, actor);
  return row !== null && row.expiresAt > now ? { name: row.name ?? null, expiresAt: row.expiresAt } : null;
}

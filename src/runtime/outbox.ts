import * as v from "valibot";
import { randomId } from "./ids";
import { readJson, type KeyValueStore } from "./storage";

export type OutboxStatus = "queued" | "sending" | "sent" | "failed";

/** A file already uploaded and checked by the server (files:saveUpload), sent with a message. */
export interface OutboxAttachment {
  uploadId: string;
  name: string;
  contentType: string;
  size: number;
}

export interface OutboxEntry {
  /** Idempotency key: the server stores a message once per clientMessageId. */
  clientMessageId: string;
  /** A conversation id, or a local key for the conversation this message will start. */
  conversationKey: string;
  body: string;
  createdAt: number;
  status: OutboxStatus;
  error?: string;
  /** When a rate-limited message is tried again (ms since epoch); in memory only. */
  retryAt?: number;
  attachments?: OutboxAttachment[];
}

const LOCAL_PREFIX = "local:";
export const isLocalKey = (key: string) => key.startsWith(LOCAL_PREFIX);
export const newLocalKey = () => `${LOCAL_PREFIX}${randomId()}`;

/**
 * Messages the visitor wrote that the server has not confirmed yet, in the order written.
 * Unsent ones are persisted, so a message written offline or just before a reload is
 * still delivered; "sent" ones stay in memory until the live message list shows them,
 * so a bubble never blinks out between the server's ack and the list update.
 */
export interface Outbox {
  entries(): readonly OutboxEntry[];
  /** Entries of one conversation; accepts a local key that has since become an id. */
  forConversation(conversationKey: string): OutboxEntry[];
  /** The conversation id a local key turned into, or the key itself. */
  resolve(conversationKey: string): string;
  add(conversationKey: string, body: string, attachments?: OutboxAttachment[]): OutboxEntry;
  /** The oldest entry waiting to be sent. */
  nextToSend(): OutboxEntry | undefined;
  markSending(clientMessageId: string): void;
  /** Back in the queue; `retryAt` when the server asked us to wait (rate limited). */
  markQueued(clientMessageId: string, retryAt?: number): void;
  markSent(clientMessageId: string, conversationId: string): void;
  markFailed(clientMessageId: string, error: string): void;
  /** A failed message goes to the back of the queue (it will be the newest when sent). */
  retry(clientMessageId: string): void;
  /** The server list shows these: forget the matching "sent" entries. */
  confirm(serverClientMessageIds: ReadonlySet<string>): void;
  /** Persist under this key from now on (known once boot tells us the visitor). */
  attach(storageKey: string): void;
  /** Logout: forget every entry, in memory and stored, and persist nothing from now on. */
  discard(): void;
  subscribe(listener: (entries: readonly OutboxEntry[]) => void): () => void;
}

const persistedEntry = v.object({
  clientMessageId: v.string(),
  conversationKey: v.string(),
  body: v.string(),
  createdAt: v.number(),
  status: v.picklist(["queued", "failed"]),
  error: v.exactOptional(v.string()),
  attachments: v.exactOptional(
    v.array(v.object({ uploadId: v.string(), name: v.string(), contentType: v.string(), size: v.number() })),
  ),
});

export function createOutbox(storage: KeyValueStore, now: () => number = Date.now): Outbox {
  let entries: OutboxEntry[] = [];
  let storageKey: string | null = null;
  const resolved = new Map<string, string>();
  const listeners = new Set<(entries: readonly OutboxEntry[]) => void>();

  function load(key: string): OutboxEntry[] {
    const raw = readJson(storage, key);
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((item) => {
      const parsed = v.safeParse(persistedEntry, item);
      return parsed.success ? [parsed.output] : [];
    });
  }

  function persist(): void {
    if (storageKey === null) return;
    // "sending" is stored as "queued": after a reload it must be sent again (idempotently).
    const unsent = entries
      .filter((entry) => entry.status !== "sent")
      .map(({ retryAt: _retryAt, ...entry }) => ({ ...entry, status: entry.status === "failed" ? "failed" : "queued" }));
    if (unsent.length === 0) storage.remove(storageKey);
    else storage.set(storageKey, JSON.stringify(unsent));
  }

  function commit(next: OutboxEntry[]): void {
    entries = next;
    persist();
    for (const listener of [...listeners]) listener(entries);
  }

  function update(clientMessageId: string, change: (entry: OutboxEntry) => OutboxEntry): void {
    if (!entries.some((entry) => entry.clientMessageId === clientMessageId)) return;
    commit(entries.map((entry) => (entry.clientMessageId === clientMessageId ? change(entry) : entry)));
  }

  const withoutError = ({ error: _error, retryAt: _retryAt, ...entry }: OutboxEntry): OutboxEntry => entry;
  const resolve = (key: string) => resolved.get(key) ?? key;

  return {
    entries: () => entries,
    resolve,
    forConversation(conversationKey) {
      const id = resolve(conversationKey);
      return entries.filter((entry) => entry.conversationKey === id || entry.conversationKey === conversationKey);
    },
    add(conversationKey, body, attachments) {
      const entry: OutboxEntry = {
        clientMessageId: randomId(),
        conversationKey: resolve(conversationKey),
        body,
        createdAt: now(),
        status: "queued",
        ...(attachments?.length ? { attachments } : {}),
      };
      commit([...entries, entry]);
      return entry;
    },
    nextToSend: () => entries.find((entry) => entry.status === "queued"),
    markSending: (id) => update(id, (entry) => ({ ...withoutError(entry), status: "sending" })),
    markQueued: (id, retryAt) =>
      update(id, (entry) => ({ ...withoutError(entry), status: "queued", ...(retryAt === undefined ? {} : { retryAt }) })),
    markFailed: (id, error) => update(id, (entry) => ({ ...entry, status: "failed", error })),
    markSent(id, conversationId) {
      const sent = entries.find((entry) => entry.clientMessageId === id);
      if (!sent) return;
      const localKey = isLocalKey(sent.conversationKey) ? sent.conversationKey : null;
      if (localKey) resolved.set(localKey, conversationId);
      commit(
        entries.map((entry) => {
          if (entry.clientMessageId === id) return { ...withoutError(entry), status: "sent", conversationKey: conversationId };
          // Later messages of the conversation this one started now know where to go.
          if (localKey && entry.conversationKey === localKey) return { ...entry, conversationKey: conversationId };
          return entry;
        }),
      );
    },
    retry(id) {
      const failed = entries.find((entry) => entry.clientMessageId === id && entry.status === "failed");
      if (!failed) return;
      const requeued: OutboxEntry = { ...withoutError(failed), status: "queued", createdAt: now() };
      commit([...entries.filter((entry) => entry !== failed), requeued]);
    },
    confirm(serverIds) {
      const next = entries.filter((entry) => !(entry.status === "sent" && serverIds.has(entry.clientMessageId)));
      if (next.length !== entries.length) commit(next);
    },
    attach(key) {
      if (key === storageKey) return;
      if (storageKey !== null) storage.remove(storageKey);
      storageKey = key;
      const stored = load(key);
      const known = new Set(stored.map((entry) => entry.clientMessageId));
      commit([...stored, ...entries.filter((entry) => !known.has(entry.clientMessageId))]);
    },
    discard() {
      if (storageKey !== null) storage.remove(storageKey);
      storageKey = null;
      resolved.clear();
      commit([]);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

// A visitor speaking the widget's protocol from Node: the same ConvexClient over a WebSocket
// and the same public functions the widget calls (src/runtime/functions.ts), without a browser.
import { randomUUID } from "node:crypto";
import { ConvexClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { ConvexError } from "convex/values";
import WebSocket from "ws";

type Args = Record<string, unknown>;
const boot = makeFunctionReference<"action", Args, { sessionToken: string; visitorId: string }>("widgetSessions:boot");
const send = makeFunctionReference<"mutation", Args, { conversationId: string; messageId: string }>("messages:send");
const list = makeFunctionReference<"query", Args, BenchMessage[]>("messages:list");

export interface BenchMessage {
  _id: string;
  senderType: string;
  body: string;
  clientMessageId?: string;
}

export class BenchVisitor {
  private constructor(
    private readonly client: ConvexClient,
    readonly sessionToken: string,
    readonly visitorId: string,
  ) {}

  static async boot(convexUrl: string, workspaceId: string): Promise<BenchVisitor> {
    const client = new ConvexClient(convexUrl, {
      webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket,
      unsavedChangesWarning: false,
      logger: false,
    });
    const session = await client.action(boot, { workspaceId, sessionId: `bench-${randomUUID()}` });
    return new BenchVisitor(client, session.sessionToken, session.visitorId);
  }

  /** Sends once; rate limits (burst 5, then 1 a second) are waited out and the same message retried. */
  async send(body: string, clientMessageId: string, conversationId?: string): Promise<{ conversationId: string; attempts: number }> {
    for (let attempt = 1; ; attempt++) {
      try {
        const args = { sessionToken: this.sessionToken, body, clientMessageId, ...(conversationId ? { conversationId } : {}) };
        const result = await this.client.mutation(send, args);
        return { conversationId: result.conversationId, attempts: attempt };
      } catch (error) {
        const retryAfter = rateLimitedFor(error);
        if (retryAfter === null || attempt >= 30) throw error;
        await new Promise((r) => setTimeout(r, retryAfter + 5));
      }
    }
  }

  messages(conversationId: string): Promise<BenchMessage[]> {
    return this.client.query(list, { sessionToken: this.sessionToken, conversationId });
  }

  /** Calls `onMessages` with the conversation's messages now and on every change. */
  watch(conversationId: string, onMessages: (messages: BenchMessage[]) => void): () => void {
    return this.client.onUpdate(list, { sessionToken: this.sessionToken, conversationId }, onMessages);
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

/** ms to wait when the error is RATE_LIMITED, else null. */
function rateLimitedFor(error: unknown): number | null {
  if (!(error instanceof ConvexError)) return null;
  const data = error.data as { code?: string; retryAfter?: number } | undefined;
  if (data?.code !== "RATE_LIMITED") return null;
  return typeof data.retryAfter === "number" ? data.retryAfter : 1000;
}

/** A support agent on the REST admin API, with its own key. */
export class BenchAgent {
  constructor(
    private readonly siteUrl: string,
    private readonly apiKey: string,
  ) {}

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.siteUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${this.apiKey}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await response.json()) as T;
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  async messageBodies(conversationId: string): Promise<string[]> {
    const { data } = await this.request<{ data: Array<{ body?: string; text?: string }> }>("GET", `/conversations/${conversationId}/messages`);
    return data.map((m) => String(m.body ?? m.text ?? ""));
  }

  reply(conversationId: string, text: string): Promise<unknown> {
    return this.request("POST", `/conversations/${conversationId}/messages`, { text, authorName: "Bench agent" });
  }
}

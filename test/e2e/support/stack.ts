// Everything a browser test needs: the local backend running the real convex/ app (seeded
// with the demo workspace), the built widget and test pages on a static site, and an agent
// that answers through the REST API with the demo admin key.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { APP_BACKEND_ARGS, APP_DEV_ENV, APP_FUNCTIONS, BackendProcess } from "../../support/backend-process";
import { serveStatic, type StaticSite } from "../../support/static-server";

export interface DemoCredentials {
  workspaceId: string;
  adminApiKey: string;
  hmacSecret: string;
  convexUrl: string;
  siteUrl: string;
}

export interface Stack {
  backend: BackendProcess;
  site: StaticSite;
  demo: DemoCredentials;
  agent: Agent;
  close(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, "../../..");

/** `backendEnv`: extra environment for the backend, e.g. a test-only session lifetime cap. */
export async function startStack(options: { backendEnv?: Record<string, string> } = {}): Promise<Stack> {
  if (!existsSync(join(ROOT, "dist/widget.js"))) throw new Error("dist/widget.js is missing: run `npm run build` first (npm test does)");
  const backend = new BackendProcess(APP_FUNCTIONS, APP_BACKEND_ARGS, { ...APP_DEV_ENV, ...options.backendEnv });
  let demo: DemoCredentials;
  let site: StaticSite;
  try {
    await backend.start();
    demo = JSON.parse(readFileSync(join(backend.dataDir, "demo.json"), "utf8")) as DemoCredentials;
    site = await serveStatic([join(ROOT, "dist"), join(ROOT, "test/e2e/pages")], {
      CONVEX_URL: demo.convexUrl,
      SITE_URL: demo.siteUrl,
      WORKSPACE_ID: demo.workspaceId,
    });
  } catch (error) {
    // A stack that fails half-way must not leave its backend running after the test run.
    await backend.dispose();
    throw error;
  }
  return {
    backend,
    site,
    demo,
    agent: new Agent(demo.siteUrl, demo.adminApiKey),
    close: async () => {
      await site.close();
      await backend.dispose();
    },
  };
}

export interface AgentConversation {
  id: string;
  status: string;
  lastMessagePreview: string;
}

/** A support agent working through the REST admin API, as the agent console does. */
export class Agent {
  constructor(private readonly siteUrl: string, private readonly apiKey: string) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.siteUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${this.apiKey}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await response.json()) as T & { error?: unknown };
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  async conversations(): Promise<AgentConversation[]> {
    const { data } = await this.request<{ data: Array<Record<string, unknown>> }>("GET", "/conversations");
    return data.map((c) => ({ id: String(c.id ?? c._id), status: String(c.status), lastMessagePreview: String(c.lastMessagePreview ?? "") }));
  }

  /** The conversation whose latest message is `text`, waiting for it to arrive. */
  async conversationWith(text: string, timeoutMs = 10_000): Promise<AgentConversation> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = (await this.conversations()).find((c) => c.lastMessagePreview.includes(text));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no conversation with "${text}"`);
  }

  async messages(conversationId: string): Promise<Array<{ body: string; senderType: string }>> {
    const { data } = await this.request<{ data: Array<{ body?: string; text?: string; senderType: string }> }>("GET", `/conversations/${conversationId}/messages`);
    return data.map((m) => ({ body: String(m.body ?? m.text ?? ""), senderType: m.senderType }));
  }

  reply(conversationId: string, text: string): Promise<unknown> {
    return this.request("POST", `/conversations/${conversationId}/messages`, { text, authorName: "Ada from Support" });
  }
}

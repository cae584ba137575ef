import { beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { bootVisitor, type TestBackend } from "../helpers";
import { insertContent, MODAL_STEP } from "../engagement/support";
import { SECRETS_KEY } from "../outgoing/support";
import { call, callChecked, errorOf, restBackend } from "./support";

/*
 * Every REST list pages the same way: `?limit=` bounded, `?cursor=` opaque, `nextCursor`
 * null on the last page (the bot connections list, a bare array by its protocol, carries
 * it in the `Opencom-Next-Cursor` header). For each list: a walk two rows at a time gives
 * exactly the rows of one large page, in the same order, over more than one page; a cursor
 * that is not one of ours is a 400 naming `cursor`.
 */

type Row = Record<string, unknown>;
type Seeded = { path: string; count: number; key?: string };
type Ctx = { t: TestBackend; workspaceId: Id<"workspaces"> };

async function created(t: TestBackend, path: string, body: unknown): Promise<Row> {
  const response = await call(t, "POST", path, { body });
  expect(response.status, `POST ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  const json = (await response.json()) as { data?: Row } & Row;
  return json.data ?? json;
}

async function onePage(t: TestBackend, url: string): Promise<{ rows: Row[]; next: string | null }> {
  const response = await call(t, "GET", url);
  expect(response.status, `GET ${url}: ${await response.clone().text()}`).toBe(200);
  const json = (await response.json()) as Row[] | { data: Row[]; nextCursor: string | null };
  if (Array.isArray(json)) return { rows: json, next: response.headers.get("Opencom-Next-Cursor") };
  return { rows: json.data, next: json.nextCursor };
}

async function walk(t: TestBackend, path: string, limit: number): Promise<{ rows: Row[]; pages: number }> {
  const rows: Row[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const join = path.includes("?") ? "&" : "?";
    const page = await onePage(t, `${path}${join}limit=${limit}${cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`}`);
    rows.push(...page.rows);
    cursor = page.next;
    pages += 1;
    expect(pages, `${path} never ends`).toBeLessThan(50);
  } while (cursor !== null);
  return { rows, pages };
}

async function threeTimes(make: (index: number) => Promise<unknown>): Promise<void> {
  for (const index of [0, 1, 2]) await make(index);
}

const HANDOFF = "1b4e28ba-2fa1-41d2-883f-0016d3cca427";
const story = (name: string) => ({ name, startNodeId: HANDOFF, nodes: [{ id: HANDOFF, name: "H", type: "HANDOFF" }] });

async function gatewayWithBroadcasts({ t }: Ctx): Promise<string> {
  const gateway = await created(t, "/api/v1/gateways", { name: "Outside", callbackUrl: "https://gateway.example.com/callback" });
  await threeTimes((index) => created(t, `/api/v1/gateways/${gateway["id"]}/broadcasts`, { recipients: [{ id: `r-${index}`, type: "user" }], text: `News ${index}` }));
  return String(gateway["id"]);
}

const CONTENT: Array<[string, "tours" | "tooltips" | "outboundMessages" | "surveys" | "checklists", Record<string, unknown>]> = [
  ["/api/v1/tours", "tours", { steps: [MODAL_STEP] }],
  ["/api/v1/tooltips", "tooltips", { selector: "#a", body: "a" }],
  ["/api/v1/outbound-messages", "outboundMessages", { type: "post", body: "News" }],
  ["/api/v1/surveys", "surveys", { format: "small", questions: [{ id: "q", type: "rating", title: "Rate", required: true }] }],
  ["/api/v1/checklists", "checklists", { tasks: [{ id: "a", title: "A", completion: { type: "manual" } }] }],
];

const LISTS: Array<[string, (ctx: Ctx) => Promise<Seeded>]> = [
  [
    "tickets",
    async ({ t }) => {
      const alice = await bootVisitor(t, "visitor-alice");
      await threeTimes((index) => t.mutation(api.tickets.create, { sessionToken: alice.sessionToken, title: `Broken ${index}`, fields: { description: "It broke" } }));
      return { path: "/api/v1/tickets", count: 3 };
    },
  ],
  ...CONTENT.map(([path, table, fields]): [string, (ctx: Ctx) => Promise<Seeded>] => [
    path,
    async ({ t, workspaceId }) => {
      await threeTimes((index) => insertContent(t, table, workspaceId, { ...fields, name: `${table} ${index}` }));
      await insertContent(t, table, workspaceId, { ...fields, name: "a draft", status: "draft" });
      return { path, count: 4 };
    },
  ]),
  [
    "content with a status filter",
    async ({ t, workspaceId }) => {
      await threeTimes((index) => insertContent(t, "tours", workspaceId, { steps: [MODAL_STEP], name: `tour ${index}` }));
      await insertContent(t, "tours", workspaceId, { steps: [MODAL_STEP], name: "a draft", status: "draft" });
      return { path: "/api/v1/tours?status=active", count: 3 };
    },
  ],
  [
    "collections",
    async ({ t }) => {
      await threeTimes((index) => created(t, "/api/v1/collections", { name: `Collection ${index}`, order: 3 - index }));
      return { path: "/api/v1/collections", count: 3 };
    },
  ],
  [
    "articles",
    async ({ t }) => {
      await threeTimes((index) => created(t, "/api/v1/articles", { title: `Article ${index}`, status: "published" }));
      return { path: "/api/v1/articles", count: 3 };
    },
  ],
  [
    "articles of one collection and status",
    async ({ t }) => {
      const collection = await created(t, "/api/v1/collections", { name: "Billing" });
      await threeTimes((index) => created(t, "/api/v1/articles", { title: `In ${index}`, status: "published", collectionId: collection["id"], order: index }));
      await created(t, "/api/v1/articles", { title: "Draft in", collectionId: collection["id"] });
      await created(t, "/api/v1/articles", { title: "Elsewhere", status: "published" });
      return { path: `/api/v1/articles?collectionId=${String(collection["id"])}&status=published`, count: 3 };
    },
  ],
  [
    "apps",
    async ({ t }) => {
      await threeTimes((index) =>
        created(t, "/api/v1/apps", { name: `App ${index}`, url: `https://apps.example.com/${index}/`, allowedOrigins: ["https://apps.example.com"], screens: ["CHATS"] }),
      );
      return { path: "/api/v1/apps", count: 3 };
    },
  ],
  [
    "api keys",
    async ({ t }) => {
      await threeTimes((index) => created(t, "/api/v1/api-keys", { name: `Key ${index}` }));
      return { path: "/api/v1/api-keys", count: 4 }; // and the tests' own key
    },
  ],
  [
    "webhook subscriptions",
    async ({ t }) => {
      await threeTimes((index) => created(t, "/api/v1/webhooks", { url: `https://hooks.example.com/${index}`, events: ["*"] }));
      return { path: "/api/v1/webhooks", count: 3 };
    },
  ],
  [
    "webhook deliveries",
    async ({ t }) => {
      const hook = await created(t, "/api/v1/webhooks", { url: "https://hooks.example.com/all", events: ["message.created"] });
      const alice = await bootVisitor(t, "visitor-alice");
      const first = await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "one", clientMessageId: "m-0" });
      await threeTimes((index) =>
        t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: `more ${index}`, conversationId: first.conversationId, clientMessageId: `m-${index + 1}` }),
      );
      return { path: `/api/v1/webhooks/${String(hook["id"])}/deliveries`, count: 4 };
    },
  ],
  [
    "gateways",
    async ({ t }) => {
      await threeTimes((index) => created(t, "/api/v1/gateways", { name: `Gateway ${index}`, callbackUrl: `https://gateway.example.com/${index}` }));
      return { path: "/api/v1/gateways", count: 3 };
    },
  ],
  ["gateway broadcasts", async (ctx) => ({ path: `/api/v1/gateways/${await gatewayWithBroadcasts(ctx)}/broadcasts`, count: 3 })],
  ["gateway deliveries", async (ctx) => ({ path: `/api/v1/gateways/${await gatewayWithBroadcasts(ctx)}/deliveries`, count: 3 })],
  [
    "bot stories",
    async ({ t }) => {
      await threeTimes((index) => created(t, "/api/v1/bot/stories", story(`Story ${index}`)));
      return { path: "/api/v1/bot/stories", count: 3 };
    },
  ],
  [
    "bot connections (a bare array, the cursor in a header)",
    async ({ t, workspaceId }) => {
      const { id } = await created(t, "/api/v1/bot/stories", story("Greeter"));
      await t.run(async (ctx) => {
        for (const index of [0, 1, 2]) {
          const now = Date.now();
          await ctx.db.insert("botConnections", {
            workspaceId,
            storyId: id as Id<"botStories">,
            name: `Bot ${index}`,
            url: `https://bots.example.com/${index}`,
            sealedSigningSecret: "sealed",
            error: null,
            createdAt: now,
            updatedAt: now,
          });
        }
      });
      return { path: "/api/v1/integrations/webhook", count: 3 };
    },
  ],
  [
    "OAuth clients",
    async ({ t }) => {
      await threeTimes((index) => created(t, "/api/v1/oauth/clients", { name: `Client ${index}`, scopes: ["widget.config:view"] }));
      return { path: "/api/v1/oauth/clients", count: 3, key: "clientId" };
    },
  ],
  [
    "widget configurations",
    async ({ t }) => {
      await threeTimes((index) => created(t, "/api/v1/widget/configurations", { name: `Config ${index}` }));
      return { path: "/api/v1/widget/configurations", count: 4 }; // and the default
    },
  ],
  [
    "survey responses",
    async ({ t, workspaceId }) => {
      const surveyId = await insertContent(t, "surveys", workspaceId, CONTENT[3]![2]);
      const { visitorId } = await bootVisitor(t, "visitor-alice");
      await t.run(async (ctx) => {
        for (const value of [1, 2, 3]) {
          await ctx.db.insert("surveyResponses", { workspaceId, surveyId: surveyId as Id<"surveys">, visitorId: visitorId as Id<"visitors">, answers: [{ questionId: "q", value }], createdAt: value });
        }
      });
      return { path: `/api/v1/surveys/${surveyId}/responses`, count: 3 };
    },
  ],
];

describe("cursor pagination on every list", () => {
  beforeEach(() => {
    vi.stubEnv("OPENCOM_SECRETS_KEY", SECRETS_KEY);
    vi.stubEnv("CONVEX_SITE_URL", "https://test.convex.site");
  });

  test.each(LISTS)("%s: a walk two at a time is the one large page, over several pages; a foreign cursor is refused", async (_name, seed) => {
    const { t, workspaceId } = await restBackend();
    const { path, count, key = "id" } = await seed({ t, workspaceId });
    const whole = await onePage(t, `${path}${path.includes("?") ? "&" : "?"}limit=100`);
    expect(whole.next).toBeNull();
    expect(whole.rows).toHaveLength(count);
    const walked = await walk(t, path, 2);
    expect(walked.pages).toBe(Math.ceil(count / 2));
    const ids = walked.rows.map((row) => row[key]);
    expect(new Set(ids).size, "a row came twice").toBe(ids.length);
    expect(ids).toEqual(whole.rows.map((row) => row[key]));

    const refused = await call(t, "GET", `${path}${path.includes("?") ? "&" : "?"}cursor=not-a-cursor`);
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).fields).toEqual({ cursor: "Not a cursor from this list." });
    const tooMany = await call(t, "GET", `${path}${path.includes("?") ? "&" : "?"}limit=101`);
    expect(tooMany.status).toBe(400);
    expect(Object.keys((await errorOf(tooMany)).fields ?? {})).toEqual(["limit"]);
  });

  test("a list's first page without a cursor keeps the documented shape", async () => {
    const { t, workspaceId } = await restBackend();
    await threeTimes((index) => insertContent(t, "tours", workspaceId, { steps: [MODAL_STEP], name: `tour ${index}` }));
    const { data } = await callChecked(t, "GET", "/api/v1/tours?limit=2");
    expect(data).toHaveLength(2);
    expect((await callChecked(t, "GET", "/api/v1/tours")).data).toHaveLength(3);
  });
});

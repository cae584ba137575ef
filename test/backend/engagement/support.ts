import { internal } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { bootVisitor, createWorkspace, newBackend, type TestBackend } from "../helpers";

export const KEY = "oc_live_engagement-tests-key-00000000000";

/** A workspace with an admin key and one anonymous visitor, alice. */
export async function engagementSetup() {
  const t = newBackend();
  const workspaceId = await createWorkspace(t);
  await t.mutation(internal.apiKeys.createWithKey, { workspaceId, name: "tests", key: KEY });
  const alice = await bootVisitor(t, "visitor-alice");
  return { t, workspaceId, alice };
}

type ContentTable = "tours" | "tooltips" | "outboundMessages" | "surveys" | "checklists";

const ADMIN = {
  tours: internal.tours.adminCreate,
  tooltips: internal.tooltips.adminCreate,
  outboundMessages: internal.outboundMessages.adminCreate,
  surveys: internal.surveys.adminCreate,
  checklists: internal.checklists.adminCreate,
};

/** Inserts active content with a page-load trigger and `once` frequency unless `fields` says otherwise. */
export async function insertContent(
  t: TestBackend,
  table: ContentTable,
  workspaceId: Id<"workspaces">,
  fields: Record<string, unknown>,
): Promise<string> {
  const defaults: Record<string, unknown> = { name: `${table} item`, status: "active" };
  if (table !== "checklists") Object.assign(defaults, { trigger: { type: "page_load" }, frequency: { type: "once" } });
  const created = await t.mutation(ADMIN[table], { workspaceId, fields: { ...defaults, ...fields } });
  return created.id;
}

export const MODAL_STEP = { kind: "modal", title: "Hello", body: "Welcome." } as const;
export const POINTER_STEP = { kind: "pointer", selector: "#x", title: "Here", body: "Look." } as const;

export async function rest(t: TestBackend, method: string, path: string, body?: unknown, key: string | null = KEY) {
  const headers: Record<string, string> = {};
  if (key !== null) headers["Authorization"] = `Bearer ${key}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  const response = await t.fetch(path, init);
  const text = await response.text();
  return { status: response.status, json: (text === "" ? null : JSON.parse(text)) as any };
}

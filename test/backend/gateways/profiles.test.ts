import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { Id } from "../../../convex/_generated/dataModel";
import { createWorkspace, type TestBackend } from "../helpers";
import { useAuthEnvironment } from "../inbox/support";
import { developmentEnv } from "../outgoing/support";
import { CALLBACK, createGateway, gatewayBackend, rest } from "./support";

useAuthEnvironment();

let t: TestBackend;
let workspaceId: Id<"workspaces">;

beforeEach(async () => {
  ({ t, workspaceId } = await gatewayBackend());
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

test("a new gateway has a generated unguessable URI and app secret, default templates, and reads back", async () => {
  const gateway = await createGateway(t);
  expect(gateway.uri).toMatch(/^https:\/\/test-deployment\.convex\.site\/gateway\/[A-Za-z0-9_-]{43}$/);
  expect(gateway.appSecret).toMatch(/^[0-9a-f]{64}$/);
  expect(gateway).toMatchObject({ callbackUrl: CALLBACK, routing: { type: "team", teamId: null }, templates: { memberName: "{{agent.name}}" } });
  expect((await rest(t, "GET", `/api/v1/gateways/${gateway.id}`)).json.data).toEqual(gateway);
  const stored = await t.run(async (ctx) => JSON.stringify(await ctx.db.query("gateways").first()));
  expect(stored).not.toContain(gateway.appSecret);
  const second = await createGateway(t, { name: "Own app", appSecret: "typed-secret-0123456789" });
  expect(second.appSecret).toBe("typed-secret-0123456789");
  expect(second.uri).not.toBe(gateway.uri);
  expect((await rest(t, "GET", "/api/v1/gateways")).json.data).toHaveLength(2);
});

test("templates: an unknown variable is a 400 naming the template and the variable", async () => {
  const created = await rest(t, "POST", "/api/v1/gateways", { name: "x", callbackUrl: CALLBACK, templates: { agentJoined: "{{agent.nme}} joined" } });
  expect(created.status).toBe(400);
  expect(created.json.error.fields["templates.agentJoined"]).toContain("{{agent.nme}}");
  const gateway = await createGateway(t);
  const patched = await rest(t, "PATCH", `/api/v1/gateways/${gateway.id}`, { templates: { chatComplete: "Bye {{ visitor.name }} from {{gateway.name}}" } });
  expect(patched.json.data.templates).toMatchObject({ chatComplete: "Bye {{ visitor.name }} from {{gateway.name}}", agentJoined: gateway.templates["agentJoined"] });
  const refused = await rest(t, "PATCH", `/api/v1/gateways/${gateway.id}`, { templates: { memberName: "{{visitor.email}}" } });
  expect(refused.status).toBe(400);
  expect(refused.json.error.fields["templates.memberName"]).toContain("{{visitor.email}}");
});

test("the callback URL, secret and routing are checked and named", async () => {
  developmentEnv(false);
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ callbackUrl: "http://127.0.0.1:9/cb" }, "callbackUrl"],
    [{ callbackUrl: "ftp://example.com/cb" }, "callbackUrl"],
    [{ appSecret: "short" }, "appSecret"],
    [{ routing: { type: "team", teamId: "nope" } }, "routing.teamId"],
    [{ routing: { type: "story", storyId: "s" } }, "routing.type"],
  ];
  for (const [extra, field] of cases) {
    const answer = await rest(t, "POST", "/api/v1/gateways", { name: "x", callbackUrl: "https://hooks.example.com/cb", ...extra });
    expect(answer.status, field).toBe(400);
    expect(Object.keys(answer.json.error.fields ?? {}), JSON.stringify(answer.json)).toContain(field);
  }
  const teamId = await t.run(async (ctx) => await ctx.db.insert("supportTeams", { workspaceId, name: "Billing", createdAt: 0, updatedAt: 0 }));
  const routed = await rest(t, "POST", "/api/v1/gateways", { name: "x", callbackUrl: "https://hooks.example.com/cb", routing: { type: "team", teamId } });
  expect(routed.json.data.routing).toEqual({ type: "team", teamId });
  const otherWorkspace = await createWorkspace(t, { publicId: "other" });
  const foreignTeam = await t.run(async (ctx) => await ctx.db.insert("supportTeams", { workspaceId: otherWorkspace, name: "X", createdAt: 0, updatedAt: 0 }));
  const foreign = await rest(t, "PATCH", `/api/v1/gateways/${routed.json.data.id}`, { routing: { type: "team", teamId: foreignTeam } });
  expect(foreign.json.error.fields).toHaveProperty("routing.teamId");
});

test("unknown ids are 404s; delete removes the profile", async () => {
  const gateway = await createGateway(t);
  expect((await rest(t, "GET", "/api/v1/gateways/nope")).status).toBe(404);
  expect((await rest(t, "POST", "/api/v1/gateways/nope/secret")).status).toBe(404);
  expect((await rest(t, "GET", "/api/v1/gateways/nope/deliveries")).status).toBe(404);
  expect((await rest(t, "DELETE", `/api/v1/gateways/${gateway.id}`)).json.data).toEqual({ id: gateway.id, deleted: true });
  expect((await rest(t, "GET", `/api/v1/gateways/${gateway.id}`)).status).toBe(404);
});

import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import http from "../../../convex/http";
import { honoPath, methodsAt, restApp } from "../../../convex/rest/app";
import { AUTH, requirementsOf } from "../../../convex/rest/authSchemes";
import { openApiDocument } from "../../../convex/rest/openapi";
import { defineRoute, type HttpMethod } from "../../../convex/rest/route";
import { REST_API, REST_ROUTES, restOpenApiDocument } from "../../../convex/rest/routes";
import { formatOpenApi, OPENAPI_COPY } from "../../../scripts/openapi";
import { TEST_ORIGIN } from "../helpers";
import { call, restBackend } from "./support";

type Operation = { operationId: string; security: Array<Record<string, string[]>>; responses: Record<string, unknown> };
type Document = { paths: Record<string, Record<string, Operation>>; components: Record<string, Record<string, unknown>> };

const METHODS: HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const document = restOpenApiDocument() as Document;

describe("GET /api/v1/openapi.json", () => {
  test("is public and serves the document generated from the declarations", async () => {
    const { t } = await restBackend();
    const response = await call(t, "GET", "/api/v1/openapi.json", { key: null, origin: TEST_ORIGIN });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("application/json");
    // Public, so the preflight rule decides CORS: an origin some workspace allows may read it.
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(TEST_ORIGIN);
    const served = (await response.json()) as Record<string, unknown>;
    expect(served).toEqual(document);
    expect(served["openapi"]).toBe("3.1.0");
  });

  test("docs/openapi.json is the generated document (run `npx tsx scripts/openapi.ts` after changing a route)", () => {
    expect(readFileSync(OPENAPI_COPY, "utf8")).toBe(formatOpenApi(document));
  });
});

describe("the document and the routes agree", () => {
  test("every declared route is in the document, with its auth as its security, and nothing else is", () => {
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(REST_ROUTES.map((route) => `${route.method} ${route.path}`).sort());
    for (const route of REST_ROUTES) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation?.operationId).toBe(route.operationId);
      const schemes = requirementsOf(route.auth).map((requirement) => requirement.scheme);
      const security = requirementsOf(route.auth).map((requirement) => ({
        [requirement.scheme]: requirement.scheme === "oauthBearer" ? [...requirement.scopes] : [],
      }));
      expect(operation?.security, route.operationId).toEqual(schemes.includes("public") ? [] : security);
    }
    expect(document.paths["/openapi.json"]?.["get"]?.security).toEqual([]);
    expect(new Set(REST_ROUTES.map((route) => route.operationId)).size).toBe(REST_ROUTES.length);
  });

  test("every $ref resolves, and every scheme a route uses is defined", () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of new Set(refs)) {
      const [, kind, name] = /#\/components\/(\w+)\/(\w+)/.exec(ref) ?? [];
      expect(document.components[kind ?? ""]?.[name ?? ""], ref).toBeDefined();
    }
    expect(Object.keys(document.components["securitySchemes"] ?? {})).toEqual(["adminApiKey", "oauthBearer"]);
  });

  test("the app answers only declared routes: Hono holds exactly them, other methods are 405", async () => {
    const declared = REST_ROUTES.map((route) => `${route.method} ${honoPath(route.path)}`).sort();
    expect(REST_API.routes.map((route) => `${route.method} ${route.path}`).sort()).toEqual(declared);
    // Convex hands all of /api/v1/ to that app; beside it only Convex Auth's discovery routes, gateway URIs and the attachment files.
    const mounted = new Set(http.getRoutes().map(([path]) => path));
    expect([...mounted].sort()).toEqual([
      "/.well-known/jwks.json",
      "/.well-known/openid-configuration",
      "/api/v1/*",
      "/gateway/*",
      "/widget/files/*",
      "/widget/uploads/*",
    ]);

    const { t } = await restBackend();
    for (const path of new Set(REST_ROUTES.map((route) => route.path))) {
      const concrete = `/api/v1${path.replace(/\{\w+\}/g, "x1")}`;
      // Every method some route answers here: POST /articles/images sits beside /articles/{id}.
      const methods = methodsAt(REST_ROUTES, concrete);
      for (const method of METHODS.filter((candidate) => !methods.includes(candidate))) {
        const response = await call(t, method, concrete);
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.get("Allow")).toBe(methods.join(", "));
      }
    }
    // The route table is public (this document), so 404 and 405 need no key.
    const unknown = await call(t, "GET", "/api/v1/nothing-here", { key: null });
    expect([unknown.status, await unknown.json()]).toEqual([404, { error: { code: "NOT_FOUND", message: "No such resource." } }]);
    expect((await call(t, "PUT", "/api/v1/conversations", { key: null })).status).toBe(405);
    // A trailing slash names the same resource, as it always has.
    expect((await call(t, "GET", "/api/v1/conversations/")).status).toBe(200);
  });

  test("auth schemes: alternatives become security entries; a scheme without a verifier is refused at build", () => {
    const base = { method: "GET", path: "/widget/configurations", operationId: "x", summary: "x", tags: ["x"] } as const;
    const handler = async () => new Response(null, { status: 204 });
    const either = defineRoute({ ...base, auth: [AUTH.adminApiKey, AUTH.oauth("widget.config:view")], responses: { 204: { description: "ok" } }, handler });
    const operation = (openApiDocument([either]) as Document).paths["/widget/configurations"]?.["get"];
    expect(operation?.security).toEqual([{ adminApiKey: [] }, { oauthBearer: ["widget.config:view"] }]);
    expect(Object.keys(operation?.responses ?? {})).toEqual(["204", "401", "403", "429"]);
    expect(() => restApp([either])).not.toThrow();
    expect(() => restApp([defineRoute({ ...base, auth: AUTH.signature, responses: {}, handler })])).toThrow(/signature/);
    const twice = defineRoute({ ...base, responses: {}, handler });
    expect(() => restApp([twice, twice])).toThrow(/declared twice/);
  });

  test("request schemas are documented as their input and answers as their output", () => {
    const create = document.paths["/tours"]?.["post"] as unknown as { requestBody: { content: Record<string, { schema: { required: string[] } }> } };
    // status and trigger have defaults: optional to send, always answered.
    expect(create.requestBody.content["application/json"]?.schema.required).toEqual(["name", "steps"]);
    const tour = document.components["schemas"]?.["Tour"] as { required: string[] };
    expect(tour.required).toEqual(expect.arrayContaining(["id", "status", "trigger", "frequency", "createdAt"]));
    const limit = (document.paths["/conversations"]?.["get"] as unknown as { parameters: Array<{ name: string; required: boolean }> }).parameters;
    expect(limit).toEqual([
      expect.objectContaining({ name: "status", required: false }),
      expect.objectContaining({ name: "limit", required: false }),
      expect.objectContaining({ name: "cursor", required: false }),
    ]);
  });
});

describe("validation messages", () => {
  test("a missing field says it is required; unknown keys are named, nested ones by their path", async () => {
    const { t } = await restBackend();
    const missing = await call(t, "POST", "/api/v1/articles", { body: { body: "text" } });
    expect(((await missing.json()) as { error: unknown }).error).toEqual({
      code: "INVALID_ARGUMENT",
      message: "Invalid request body.",
      fields: { title: "Required." },
    });
    const unknown = await call(t, "PATCH", "/api/v1/workspace/messenger", {
      body: { homeCards: [{ title: "Hi", colour: "red" }], font: "x" },
    });
    expect(((await unknown.json()) as { error: { fields: unknown } }).error.fields).toEqual({
      "homeCards.0.colour": "Unknown field.",
      font: "Unknown field.",
    });
  });
});

import type { z } from "zod";
import type { ActionCtx } from "../_generated/server";
import type { Caller } from "./auth";
import type { RateLimitName } from "../model/rateLimits";
import type { AuthRequirement } from "./authSchemes";

/*
 * One declaration per REST operation: method, path, auth, the zod schemas of
 * its inputs and answers, and the handler. The router (app.ts), the request
 * runner (runRoute.ts) and the OpenAPI document (openapi.ts) all read these, so
 * what is validated, what is served and what is documented cannot drift apart.
 */

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Statuses a route may answer besides its successes; 400, 401, 429 and (with path parameters) 404 are added from the declaration. */
export type DeclaredErrorStatus = 403 | 404 | 409 | 412 | 428;

export type ResponseSpec = {
  description: string;
  /** The JSON body; omitted for an empty answer. */
  schema?: z.ZodType;
  headers?: Record<string, { description: string; schema: { type: "string" } }>;
};

type AnyObjectSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;
type Auth = AuthRequirement | readonly AuthRequirement[];
type CallerOf<A> = A extends { scheme: "public" } ? null : Caller;

export type HandlerInput<P, Q, B, A> = {
  ctx: ActionCtx;
  request: Request;
  caller: CallerOf<A>;
  params: P;
  query: Q;
  body: B;
};

export type RouteSpec<
  P extends AnyObjectSchema,
  Q extends AnyObjectSchema,
  B extends z.ZodType,
  A extends Auth,
> = {
  method: HttpMethod;
  /** Under /api/v1, OpenAPI style: `/conversations/{id}/messages`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  /** Default: the admin API key. A list means any one of them. */
  auth?: A;
  params?: P;
  query?: Q;
  body?: B;
  /** An empty body counts as `{}` (routes whose body fields are all optional). */
  bodyOptional?: boolean;
  /**
   * Checks the raw JSON body before the schema, answering 400 with the fields
   * it names (nesting depth, injection patterns: problems a schema would
   * misreport as an unknown field).
   */
  screenBody?: (json: unknown) => Record<string, string> | null;
  /** A limit per credential on top of the API-wide one (e.g. writes of one resource). */
  rateLimit?: RateLimitName;
  /**
   * For routes that keep their own audit entries (every attempt, with their
   * own fields): called for a request refused before the handler ran (bad
   * input, rate limit). Such routes get no generic `api_key.used` entry.
   */
  auditRefusal?: (refusal: AuditRefusal) => Promise<void>;
  /** Success answers by status. */
  responses: Partial<Record<200 | 201 | 202 | 204, ResponseSpec>>;
  errors?: readonly DeclaredErrorStatus[];
  handler(input: HandlerInput<z.output<P>, z.output<Q>, z.output<B>, A>): Promise<Response>;
};

export type AuditRefusal = {
  ctx: ActionCtx;
  caller: Caller;
  request: Request;
  pathParams: Record<string, string>;
  response: Response;
  startedAt: number;
};

/** A declaration with its types erased, as the router and the generator see it. */
export type Route = RouteSpec<AnyObjectSchema, AnyObjectSchema, z.ZodType, Auth>;

type NoInput = z.ZodType<Record<string, never>, Record<string, never>>;

/** Declares a route; the handler's input is typed from the schemas. */
export function defineRoute<
  P extends AnyObjectSchema = NoInput,
  Q extends AnyObjectSchema = NoInput,
  B extends z.ZodType = z.ZodUndefined,
  const A extends Auth = { scheme: "adminApiKey" },
>(spec: RouteSpec<P, Q, B, A>): Route {
  return spec as unknown as Route;
}

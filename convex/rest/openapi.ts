import { z } from "zod";
import { AUTH_SCHEMES, isPublic, requirementsOf, type AuthRequirement } from "./authSchemes";
import type { Route } from "./route";
import { errorResponseComponents, errorResponseFor } from "./errorDocs";

/*
 * The OpenAPI 3.1 document, generated from the route declarations. Schemas
 * are converted by zod's own z.toJSONSchema (OpenAPI 3.1 schemas are JSON
 * Schema 2020-12): request schemas as their input (defaults optional),
 * responses as their output. Schemas given an id (`.meta({id})`) become
 * components, referenced by `$ref`.
 */

type Json = Record<string, unknown>;

const INFO = {
  title: "Opencom admin REST API",
  version: "1.0.0",
  description:
    "Read and answer conversations and manage the messenger's content and settings of one workspace. " +
    "Errors are `{\"error\": {\"code\", \"message\", \"fields\"?}}`.",
};

const SERVERS = [
  { url: "/api/v1", description: "This deployment (relative to where this document is served)" },
  { url: "http://127.0.0.1:3211/api/v1", description: "Local backend" },
  {
    url: "https://{deployment}.convex.site/api/v1",
    description: "Convex cloud",
    variables: { deployment: { default: "your-deployment" } },
  },
];

/** Collects components while operations are converted. */
class Components {
  readonly schemas: Record<string, Json> = {};

  convert(schema: z.ZodType, io: "input" | "output"): Json {
    const converted = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as Json;
    const { $schema: _dialect, $defs, ...rest } = converted;
    for (const [id, definition] of Object.entries(($defs ?? {}) as Record<string, Json>)) this.add(id, rewriteRefs(definition) as Json);
    return rewriteRefs(rest) as Json;
  }

  private add(id: string, definition: Json): void {
    const known = this.schemas[id];
    if (known !== undefined && JSON.stringify(known) !== JSON.stringify(definition)) {
      throw new Error(`OpenAPI: schema "${id}" converts differently where it is used (input vs output?). Name each variant.`);
    }
    this.schemas[id] = definition;
  }
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      key === "$ref" && typeof field === "string" ? field.replace(/^#\/\$defs\//, "#/components/schemas/") : rewriteRefs(field),
    ]),
  );
}

function parameters(components: Components, schema: z.ZodType | undefined, where: "path" | "query"): Json[] {
  if (schema === undefined) return [];
  const converted = components.convert(schema, "input");
  const properties = (converted["properties"] ?? {}) as Record<string, Json>;
  const required = new Set((converted["required"] ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: propertySchema,
    };
  });
}

function security(requirements: readonly AuthRequirement[]): Json[] {
  if (isPublic(requirements)) return [];
  return requirements.map((requirement) => ({
    [requirement.scheme]: requirement.scheme === "oauthBearer" ? [...requirement.scopes] : [],
  }));
}

function errorStatuses(route: Route, requirements: readonly AuthRequirement[]): number[] {
  const statuses = new Set<number>(route.errors ?? []);
  if (route.query !== undefined || route.body !== undefined) statuses.add(400);
  if (!isPublic(requirements)) {
    statuses.add(401);
    statuses.add(429);
    if (requirements.some((requirement) => requirement.scheme === "oauthBearer")) statuses.add(403);
  }
  if (route.path.includes("{")) statuses.add(404);
  return [...statuses].sort((a, b) => a - b);
}

function operation(components: Components, route: Route): Json {
  const requirements = requirementsOf(route.auth);
  const responses: Json = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    if (spec === undefined) continue;
    responses[status] = {
      description: spec.description,
      ...(spec.headers !== undefined ? { headers: spec.headers } : {}),
      ...(spec.schema !== undefined ? { content: { "application/json": { schema: components.convert(spec.schema, "output") } } } : {}),
    };
  }
  for (const status of errorStatuses(route, requirements)) responses[String(status)] = errorResponseFor(status);
  const params = [...parameters(components, route.params, "path"), ...parameters(components, route.query, "query")];
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description !== undefined ? { description: route.description } : {}),
    tags: [...route.tags],
    security: security(requirements),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(route.body !== undefined
      ? {
          requestBody: {
            required: route.bodyOptional !== true,
            content: { "application/json": { schema: components.convert(route.body, "input") } },
          },
        }
      : {}),
    responses,
  };
}

export function openApiDocument(routes: readonly Route[]): Json {
  const components = new Components();
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation(components, route);
  }
  const usedSchemes = new Set(routes.flatMap((route) => requirementsOf(route.auth).map((requirement) => requirement.scheme)));
  const securitySchemes = Object.fromEntries(
    Object.entries(AUTH_SCHEMES)
      .filter(([name]) => usedSchemes.has(name as AuthRequirement["scheme"]))
      .map(([name, scheme]) => [name, scheme.openApi]),
  );
  const responses = errorResponseComponents((schema) => components.convert(schema, "output"));
  return {
    openapi: "3.1.0",
    info: INFO,
    servers: SERVERS,
    tags: [...new Set(routes.flatMap((route) => route.tags))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes,
      schemas: components.schemas,
      responses,
    },
  };
}

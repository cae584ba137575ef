/**
 * Writes docs/openapi.json, the checked-in copy of the document the REST API
 * serves at /api/v1/openapi.json (generated from convex/rest/routes.ts).
 * test/backend/rest/openapi.test.ts fails when the copy is stale.
 *
 *   npx tsx scripts/openapi.ts
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { restOpenApiDocument } from "../convex/rest/routes";

export const OPENAPI_COPY = fileURLToPath(new URL("../docs/openapi.json", import.meta.url));

export function formatOpenApi(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OPENAPI_COPY, formatOpenApi(restOpenApiDocument()));
  console.log(`wrote ${OPENAPI_COPY}`);
}

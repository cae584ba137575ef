// Failures read as a Convex deployment words them, since apps (and their tests) match on the
// text: argument validation, schema violations on write, and a cursor that is not one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackendProcess, httpClient } from "../support/backend-process";

describe("error text", () => {
  const backend = new BackendProcess();
  beforeAll(() => backend.start());
  afterAll(() => backend.dispose());
  const failure = async (kind: "query" | "mutation", name: string, args: Record<string, unknown>): Promise<string> => {
    const http = httpClient(backend.apiUrl);
    const call = kind === "query" ? http.query(name as never, args as never) : http.mutation(name as never, args as never);
    return call.then(
      () => "no error",
      (error: Error) => error.message,
    );
  };
  const NOTES = "v.object({author: v.optional(v.string()), body: v.string()})";

  it("words a wrong argument with its path, value and validator", async () => {
    expect(await failure("mutation", "notes:add", { body: 42 })).toContain("ArgumentValidationError: Value does not match validator.\nPath: .body\nValue: 42.0\nValidator: v.string()");
  });

  it("words missing and extra argument fields", async () => {
    expect(await failure("mutation", "notes:add", {})).toContain(
      `ArgumentValidationError: Object is missing the required field \`body\`. Consider wrapping the field validator in \`v.optional(...)\` if this is expected.\n\nObject: {}\nValidator: ${NOTES}`,
    );
    expect(await failure("mutation", "notes:add", { body: "x", extra: 1 })).toContain(
      `ArgumentValidationError: Object contains extra field \`extra\` that is not in the validator.\n\nObject: {body: "x", extra: 1.0}\nValidator: ${NOTES}`,
    );
  });

  it("words a document that breaks the schema", async () => {
    expect(await failure("mutation", "notes:insertRaw", { table: "notes", doc: { body: 5 } })).toContain(
      'Failed to insert or update a document in table "notes" because it does not match the schema: Value does not match validator.\nPath: .body\nValue: 5.0\nValidator: v.string()',
    );
  });

  it("refuses a cursor that is not one without a JSON parse error", async () => {
    const message = await failure("query", "items:page", { paginationOpts: { numItems: 2, cursor: "garbage" } });
    expect(message).toContain("Failed to parse cursor");
    expect(message).not.toMatch(/JSON/);
  });
});

// What a Convex deployment checks on every document written, with its words: the schema
// ("Failed to insert or update a document in table … because it does not match the schema: …")
// and the limits on documents (size, nesting, array length, field count, reserved names).
// convex-test checks the schema with wording of its own; its check is replaced here.
import type { Value } from "convex/values";
import type { DatabaseFake } from "./internals";
import { assertValueLimits, assertDocumentLimits } from "./limits";
import { checkValue, type ValidatorJson } from "./validation";

interface SchemaLike {
  schemaValidation: boolean;
  // convex-test keeps each table's exported definition, whose documentType is the JSON form.
  tables: Map<string, { documentType?: ValidatorJson }>;
}

export function enforceDocumentRules(db: DatabaseFake): void {
  db._validate = (table: string, doc: Record<string, unknown>) => {
    const fields = Object.fromEntries(Object.entries(doc).filter(([name]) => name !== "_id" && name !== "_creationTime")) as Record<string, Value>;
    if (!table.startsWith("_")) {
      assertValueLimits(fields);
      assertDocumentLimits(fields);
    }
    const schema = db._schema as SchemaLike | null;
    if (schema === null || !schema.schemaValidation) return;
    const validator = schema.tables.get(table)?.documentType;
    if (validator === undefined) return;
    const failure = checkValue(validator, fields);
    if (failure !== null) {
      throw new Error(`Failed to insert or update a document in table "${table}" because it does not match the schema: ${failure.message}`);
    }
  };
}

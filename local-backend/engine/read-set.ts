// What a query read, precisely enough to tell whether a write can change its result: whole
// tables (table scans, search, count), index ranges, and documents fetched by id. Convex
// invalidates subscriptions the same way; re-running on any write to a table would re-run
// every visitor's message list whenever anyone sends a message.
import { compareValues, jsonToConvex, type JSONValue, type Value } from "convex/values";

export interface RangeBound {
  type: "Eq" | "Gt" | "Gte" | "Lt" | "Lte";
  fieldPath: string;
  value: JSONValue;
}

interface QuerySource {
  type: "FullTableScan" | "IndexRange" | "Search";
  tableName?: string;
  indexName?: string;
  range?: RangeBound[];
}

type Doc = Record<string, unknown>;

/** A written document, before and after: a query depends on the write if either side matches. */
export interface DocumentWrite {
  componentPath: string;
  id: string;
  before: Doc | null;
  after: Doc | null;
}

export class ReadSet {
  private readonly tables = new Set<string>();
  private readonly ids = new Set<string>();
  private readonly ranges = new Map<string, Array<Array<{ type: RangeBound["type"]; fieldPath: string; value: Value | undefined }>>>();

  readTable(componentPath: string, table: string): void {
    this.tables.add(`${componentPath}:${table}`);
  }

  readDocument(componentPath: string, id: string): void {
    this.ids.add(`${componentPath}:${id}`);
  }

  readQuery(componentPath: string, source: QuerySource): void {
    const table = source.type === "FullTableScan" ? source.tableName : source.indexName?.split(".")[0];
    if (table === undefined) return;
    if (source.type !== "IndexRange" || source.range === undefined) {
      this.readTable(componentPath, table);
      return;
    }
    const key = `${componentPath}:${table}`;
    const bounds = source.range.map((bound) => ({ type: bound.type, fieldPath: bound.fieldPath, value: decode(bound.value) }));
    const list = this.ranges.get(key) ?? [];
    list.push(bounds);
    this.ranges.set(key, list);
  }

  isAffectedBy(write: DocumentWrite, table: string): boolean {
    const key = `${write.componentPath}:${table}`;
    if (this.tables.has(key) || this.ids.has(`${write.componentPath}:${write.id}`)) return true;
    const ranges = this.ranges.get(key);
    if (ranges === undefined) return false;
    return ranges.some((bounds) => inRange(write.before, bounds) || inRange(write.after, bounds));
  }

  /** For diagnostics and tests. */
  describe(): { tables: string[]; ids: string[]; ranges: string[] } {
    return { tables: [...this.tables], ids: [...this.ids], ranges: [...this.ranges.keys()] };
  }
}

function inRange(doc: Doc | null, bounds: Array<{ type: RangeBound["type"]; fieldPath: string; value: Value | undefined }>): boolean {
  if (doc === null) return false;
  return bounds.every(({ type, fieldPath, value }) => {
    const order = compareValues(fieldAt(doc, fieldPath), value);
    switch (type) {
      case "Eq":
        return order === 0;
      case "Gt":
        return order > 0;
      case "Gte":
        return order >= 0;
      case "Lt":
        return order < 0;
      case "Lte":
        return order <= 0;
    }
  });
}

function fieldAt(doc: Doc, path: string): Value | undefined {
  let value: unknown = doc;
  for (const part of path.split(".")) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    value = (value as Doc)[part];
  }
  return value as Value | undefined;
}

function decode(value: JSONValue): Value | undefined {
  if (value !== null && typeof value === "object" && "$undefined" in value) return undefined;
  return jsonToConvex(value);
}

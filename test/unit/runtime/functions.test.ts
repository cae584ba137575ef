// @vitest-environment node
// The widget's one table of backend functions (src/runtime/functions.ts) against the real
// convex/ modules: every entry is an exported, public function of the kind the generated
// types give it. tsc already checks the table against convex/_generated/api.d.ts; this
// also catches a stale api.d.ts (a function renamed or turned into another kind since).
import { join } from "node:path";
import { getFunctionName } from "convex/server";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { backend } from "../../../src/runtime/functions";
import { ROOT } from "../architecture/import-graph";

type Kind = "query" | "mutation" | "action";
interface Entry {
  module: string;
  name: string;
  kind: Kind;
}

const TABLE_FILE = join(ROOT, "src/runtime/functions.ts");
const KIND_FLAG: Record<Kind, "isQuery" | "isMutation" | "isAction"> = { query: "isQuery", mutation: "isMutation", action: "isAction" };

/** The entries of `WidgetFunctions`, with each one's kind, read from the types as tsc sees them. */
function tableEntries(): Entry[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  if (!parsed) throw new Error("could not read tsconfig.json");
  const program = ts.createProgram([TABLE_FILE], parsed.options);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(TABLE_FILE)!;
  const table = source.statements.find((node): node is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(node) && node.name.text === "WidgetFunctions");
  if (!table) throw new Error("WidgetFunctions is missing from src/runtime/functions.ts");
  const entries: Entry[] = [];
  for (const moduleSymbol of checker.getTypeAtLocation(table).getProperties()) {
    const moduleType = checker.getTypeOfSymbolAtLocation(moduleSymbol, table);
    for (const functionSymbol of moduleType.getProperties()) {
      const reference = checker.getTypeOfSymbolAtLocation(functionSymbol, table);
      const kindSymbol = reference.getProperty("_type");
      const kind = kindSymbol && checker.typeToString(checker.getTypeOfSymbolAtLocation(kindSymbol, table)).replaceAll('"', "");
      entries.push({ module: moduleSymbol.name, name: functionSymbol.name, kind: kind as Kind });
    }
  }
  return entries;
}

/** What is wrong with each entry, checked against the registered function in convex/. */
async function problemsOf(entries: Entry[]): Promise<string[]> {
  const problems: string[] = [];
  for (const { module, name, kind } of entries) {
    const label = `${module}:${name}`;
    if (!(kind in KIND_FLAG)) {
      problems.push(`${label}: the generated types give no function kind (${String(kind)})`);
      continue;
    }
    const exports = (await import(join(ROOT, "convex", `${module}.ts`)).catch(() => null)) as Record<string, Record<string, unknown> | undefined> | null;
    const exported = exports?.[name];
    if (!exports) problems.push(`${label}: there is no module convex/${module}.ts`);
    else if (!exported) problems.push(`${label}: convex/${module}.ts exports no ${name}`);
    else if (exported["isPublic"] !== true) problems.push(`${label}: not a public function (a client cannot call it)`);
    else if (exported[KIND_FLAG[kind]] !== true) problems.push(`${label}: not a ${kind}`);
  }
  return problems;
}

describe("the backend function table", () => {
  const entries = tableEntries();

  it("lists the widget's functions with their kinds", () => {
    expect(entries.length).toBeGreaterThanOrEqual(40);
    expect(entries).toContainEqual({ module: "messages", name: "send", kind: "mutation" });
    expect(entries).toContainEqual({ module: "widgetSessions", name: "boot", kind: "action" });
    expect(entries).toContainEqual({ module: "tours", name: "listAll", kind: "query" });
  }, 60_000);

  it("names only exported public functions of convex/, each of the kind its callers use", async () => {
    expect(await problemsOf(entries)).toEqual([]);
  }, 60_000);

  it("would name a missing module, a missing export, an internal function and a wrong kind", async () => {
    expect(
      await problemsOf([
        { module: "nowhere", name: "send", kind: "mutation" },
        { module: "messages", name: "nope", kind: "query" },
        { module: "messages", name: "send", kind: "query" },
        { module: "widgetSessions", name: "start", kind: "mutation" },
      ]),
    ).toEqual([
      "nowhere:send: there is no module convex/nowhere.ts",
      "messages:nope: convex/messages.ts exports no nope",
      "messages:send: not a query",
      "widgetSessions:start: not a public function (a client cannot call it)",
    ]);
  }, 60_000);

  it("builds references whose names are the table's paths", () => {
    expect(getFunctionName(backend.messages.send)).toBe("messages:send");
    expect(getFunctionName(backend.conversationActivity.setVisitorTyping)).toBe("conversationActivity:setVisitorTyping");
  });
});

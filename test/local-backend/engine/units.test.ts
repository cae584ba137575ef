import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { identityFromClaims } from "../../../local-backend/engine/auth";
import { describeFailure } from "../../../local-backend/engine/errors";
import { makeJournal, parseJournal } from "../../../local-backend/engine/executions";
import { tableNameFromId } from "../../../local-backend/engine/hooks";
import { formatLogLine } from "../../../local-backend/engine/logs";
import { listModuleFiles, loadModules, modulePathOf } from "../../../local-backend/engine/modules";
import { ConvexError } from "convex/values";

describe("engine helpers", () => {
  it("reads the table of a convex-test id", () => {
    expect(tableNameFromId("0000000000000000000000010000notes")).toBe("notes");
    expect(tableNameFromId("10002_storage")).toBe("_storage");
    expect(tableNameFromId("12345")).toBeNull();
    expect(tableNameFromId("notes")).toBeNull();
  });

  it("splits function names into module and export", () => {
    expect(modulePathOf("lib/users:get")).toEqual({ modulePath: "lib/users", exportName: "get" });
    expect(modulePathOf("messages.js:send")).toEqual({ modulePath: "messages", exportName: "send" });
    expect(modulePathOf("http")).toEqual({ modulePath: "http", exportName: "default" });
  });

  it("round-trips journals and ignores foreign ones", () => {
    expect(parseJournal(makeJournal("cursor-1"))).toBe("cursor-1");
    expect(parseJournal("not json")).toBeNull();
    expect(parseJournal('{"other":1}')).toBeNull();
    expect(parseJournal(null)).toBeNull();
  });

  it("formats log lines the way Convex clients print them", () => {
    expect(formatLogLine("LOG", ["text"])).toBe("[LOG] 'text'");
    expect(formatLogLine("WARN", ["n", 3, { a: 1 }])).toBe("[WARN] 'n' 3 { a: 1 }");
  });

  it("keeps ConvexError data and sends none for other errors", () => {
    expect(describeFailure(new ConvexError({ code: "X" }), "r1")).toMatchObject({ errorData: { code: "X" } });
    const plain = describeFailure(new TypeError("boom"), "r2");
    expect(plain).toEqual({ errorMessage: "[Request ID: r2] Server Error\nUncaught TypeError: boom" });
  });

  it("maps JWT claims onto a Convex user identity", () => {
    const identity = identityFromClaims({ iss: "https://issuer", sub: "u1", email: "a@b.c", given_name: "Ada", exp: 1, team: "x" });
    expect(identity).toEqual({ issuer: "https://issuer", subject: "u1", tokenIdentifier: "https://issuer|u1", email: "a@b.c", givenName: "Ada", team: "x" });
  });

  it("lists modules, skips tests and configs, and reports a module that fails to load by file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "opencom-modules-"));
    try {
      mkdirSync(join(dir, "lib"));
      writeFileSync(join(dir, "good.ts"), "export const ok = 1;\n");
      writeFileSync(join(dir, "lib", "nested.ts"), "export const nested = 2;\n");
      writeFileSync(join(dir, "broken.ts"), 'throw new Error("cannot start");\n');
      writeFileSync(join(dir, "good.test.ts"), "");
      writeFileSync(join(dir, "convex.config.ts"), "");
      expect(listModuleFiles(dir).map((f) => f.slice(dir.length + 1))).toEqual(["broken.ts", "good.ts", "lib/nested.ts"]);
      const loaded = await loadModules(dir);
      expect(loaded.failures).toHaveLength(1);
      expect(loaded.failures[0]?.file).toMatch(/broken\.ts$/);
      expect(loaded.failures[0]?.error).toMatch(/cannot start/);
      await expect(loaded.map[join(dir, "broken.ts")]!()).rejects.toThrow(/broken\.ts failed to load/);
      expect(await loaded.map[join(dir, "lib", "nested.ts")]!()).toMatchObject({ nested: 2 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// @vitest-environment node
// The npm package's shape: package.json's exports, the ES module entry's API, and the type
// declarations a consumer compiles against (scripts/build-types.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { emitDeclarations } from "../../../scripts/build-types";
import { API_METHODS } from "../../../src/sdk/methods";

const ROOT = resolve(import.meta.dirname, "../../..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Record<string, unknown>;
const temporary = mkdtempSync(join(tmpdir(), "opencom-types-"));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

describe("package.json", () => {
  it("exports the ES module entry with its types, the global's types and the CDN files", () => {
    expect(pkg.exports).toEqual({
      ".": { types: "./dist/esm/types/index.d.ts", import: "./dist/esm/index.js" },
      "./global": { types: "./dist/esm/types/global.d.ts" },
      "./apps": { types: "./dist/esm/types/apps.d.ts", import: "./dist/apps-kit/index.js" },
      "./config": { types: "./dist/esm/types/config.d.ts", import: "./dist/config-client/index.js" },
      "./widget.js": "./dist/widget.js",
      "./manifest.json": "./dist/manifest.json",
      "./package.json": "./package.json",
    });
    expect(pkg.types).toBe("./dist/esm/types/index.d.ts");
    expect(pkg.files).toEqual(expect.arrayContaining(["dist/esm", "dist/apps-kit", "dist/config-client", "dist/widget.js", "dist/runtime", "dist/manifest.json"]));
    expect(pkg.sideEffects).toEqual(["./dist/widget.js"]);
  });
});

describe("the ES module entry", () => {
  it("exports every method of the global API as a function", async () => {
    const entry = (await import("../../../src/index")) as Record<string, unknown>;
    for (const method of API_METHODS) expect(typeof entry[method], method).toBe("function");
  });
});

describe("type declarations", () => {
  it("type-check a consumer of the entry and of the global, and reject a bad config", () => {
    const files = emitDeclarations(join(temporary, "types"));
    // Only the public surface ships: no runtime internals, and nothing of core/ the public types do not reach.
    expect(files).toEqual([
      "core/apps/actions.d.ts",
      "core/apps/events.d.ts",
      "core/apps/protocol.d.ts",
      "core/sla/types.d.ts",
      "core/theme/configuration.d.ts",
      "src/app/module-api.d.ts",
      "src/apps-kit/client.d.ts",
      "src/apps-kit/index.d.ts",
      "src/apps-kit/token.d.ts",
      "src/config-client/client.d.ts",
      "src/config-client/index.d.ts",
      "src/config-client/token.d.ts",
      "src/index.d.ts",
      "src/sdk/types.d.ts",
      "index.d.ts",
      "global.d.ts",
      "apps.d.ts",
      "config.d.ts",
    ]);
    const consumer = join(temporary, "consumer.ts");
    writeFileSync(
      consumer,
      [
        `/// <reference path="./types/global.d.ts" />`,
        `import { init, on, identify, type WidgetConfig } from "opencom-widget";`,
        `const config: WidgetConfig = { convexUrl: "https://happy-otter-123.convex.cloud", workspaceId: "demo" };`,
        `init(config);`,
        `on("unreadCountChange", ({ unreadCount }) => unreadCount.toFixed());`,
        `identify({ userId: "42", email: "ada@example.com" });`,
        `window.OpencomWidget?.open();`,
        `window.opencomSettings = { workspaceId: "demo" };`,
        `// @ts-expect-error workspaceId is required`,
        `init({ convexUrl: "https://happy-otter-123.convex.cloud" });`,
        `// @ts-expect-error not an event of the widget`,
        `on("nope", () => {});`,
        `import { createAppClient, verifyAppToken, readAppToken } from "opencom-widget/apps";`,
        `const app = createAppClient({ appName: "SLA guardian", protocol: "bm-widget", inboxOrigin: "https://inbox.example.com" });`,
        `app.on("ticket:selected", ({ ticketCode, metrics }) => ticketCode.length + (metrics.TIME_TO_RESOLVE?.ticksMillis ?? 0));`,
        `app.refreshToken().then((token) => token.length);`,
        `verifyAppToken(readAppToken() ?? "", { jwks: "https://x.convex.site/api/v1/apps/jwks.json", issuer: "https://x.convex.site/apps", audience: "app" }).then((claims) => claims.sub.length);`,
        `// @ts-expect-error not an event of the protocol`,
        `app.on("ticket:deleted", () => {});`,
        `import { createConfigurationClient } from "opencom-widget/config";`,
        `const configs = createConfigurationClient({ baseUrl: "https://x.convex.site/api/v1", clientId: "occ_1", clientSecret: "ocs_1" });`,
        `configs.update("id", (current) => ({ theme: { primaryColor: current.effective.theme.primaryColor } })).then(({ etag }) => etag.length);`,
        `// @ts-expect-error not a widget size`,
        `configs.update("id", { theme: { widgetSize: "huge" } });`,
      ].join("\n"),
    );
    const program = ts.createProgram([consumer], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      types: [],
      paths: { "opencom-widget": [join(temporary, "types/index.d.ts")], "opencom-widget/apps": [join(temporary, "types/apps.d.ts")], "opencom-widget/config": [join(temporary, "types/config.d.ts")] },
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(diagnostics).toEqual([]);
    // Building three entries' declarations and type-checking a consumer: about 27 s alone,
    // over 90 s on a 2-core machine running the other suites beside it.
  }, 180_000);
});

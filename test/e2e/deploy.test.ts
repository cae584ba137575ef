// Distribution, end to end: scripts/deploy-widget-cdn.sh publishes two versions to a local
// directory and rolls back; the published files match their SRI hashes; and Chromium loads the
// published widget cross-origin (CORS), refuses tampered files, and runs it under Trusted Types.
// Issue "Distribution, examples and performance budgets".
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { sri } from "../../scripts/build/integrity";
import { parseManifest, type WidgetManifest } from "../../scripts/build/manifest";
import { launchChromium } from "../support/browser";
import { serveStatic, type StaticSite } from "../support/static-server";
import { serveCdn, type CdnServer } from "./support/cdn";
import { openVisitor, type VisitorPage } from "./support/page";
import { startStack, type Stack } from "./support/stack";

const ROOT = resolve(import.meta.dirname, "../..");
const PAGES = join(ROOT, "test/e2e/pages");
const V1 = "0.1.0-e2e.1";
const V2 = "0.1.0-e2e.2";

const work = mkdtempSync(join(tmpdir(), "opencom-deploy-e2e-"));
const dest = join(work, "cdn");
let stack: Stack;
let browser: Browser;
const servers: Array<{ close(): Promise<void> }> = [];
const opened: VisitorPage[] = [];

function deploy(args: string[], version?: string) {
  const run = spawnSync("bash", [join(ROOT, "scripts/deploy-widget-cdn.sh"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...(version ? { OPENCOM_WIDGET_VERSION: version } : {}) },
    timeout: 120_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

const read = (path: string) => readFileSync(join(dest, path));
const liveManifest = (): WidgetManifest => parseManifest(read("manifest.json").toString("utf8"));

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});
afterAll(async () => {
  await Promise.all(opened.map((v) => v.context.close()));
  await Promise.all(servers.map((s) => s.close()));
  await browser?.close();
  await stack?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("scripts/deploy-widget-cdn.sh on a local directory", () => {
  it("publishes two versions, keeps both, and switches the manifest last", () => {
    for (const version of [V1, V2]) {
      const run = deploy(["--dest", dest], version);
      expect(run.status, run.output).toBe(0);
      expect(run.output).toContain("JS before the messenger opens (gzip)");
      expect(run.output).toContain(`published ${version} to ${dest}`);
    }
    expect(readdirSync(join(dest, "runtime")).sort()).toEqual([V1, V2]);
    expect(readdirSync(join(dest, "versions")).sort()).toEqual([V1, V2]);
    const live = liveManifest();
    expect(live.version).toBe(V2);
    expect(read("widget.js").equals(read(`versions/${V2}/widget.js`))).toBe(true);
    expect(read("widget.js").toString("utf8")).toContain(live.runtime.file.replace(/^runtime\//, ""));
    // Versioned files first, then widget.js, then manifest.json.
    const mtime = (path: string) => statSync(join(dest, path)).mtimeMs;
    for (const file of Object.keys(live.files)) expect(mtime(file)).toBeLessThanOrEqual(mtime("widget.js"));
    expect(mtime("widget.js")).toBeLessThanOrEqual(mtime("manifest.json"));
  });

  it("publishes files whose SRI hashes match the manifests", () => {
    for (const version of [V1, V2]) {
      const manifest = parseManifest(read(`versions/${version}/manifest.json`).toString("utf8"));
      expect(manifest.version).toBe(version);
      expect(Object.keys(manifest.files).length).toBeGreaterThanOrEqual(2); // runtime entry + lazy panel
      for (const [file, integrity] of Object.entries(manifest.files)) {
        expect(file.startsWith(`runtime/${version}/`)).toBe(true);
        expect(`sha384-${createHashBase64(read(file))}`, file).toBe(integrity);
      }
      expect(sri(read(`versions/${version}/widget.js`))).toBe(manifest.loader.integrity);
      expect(read(`versions/${version}/widget.js`).toString("utf8")).toContain(manifest.runtime.integrity);
    }
  });

  it("changes nothing on a dry run", () => {
    const before = snapshot(dest);
    const run = deploy(["--dest", dest, "--dry-run", "--rollback", V1]);
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain("would upload widget.js");
    expect(snapshot(dest)).toEqual(before);
  });

  it("rolls back to the earlier version and refuses a version it never published", () => {
    const run = deploy(["--dest", dest, "--rollback", V1]);
    expect(run.status, run.output).toBe(0);
    expect(liveManifest().version).toBe(V1);
    expect(read("widget.js").equals(read(`versions/${V1}/widget.js`))).toBe(true);
    expect(existsSync(join(dest, `runtime/${V2}`))).toBe(true);

    const unknown = deploy(["--dest", dest, "--rollback", "9.9.9"]);
    expect(unknown.status).not.toBe(0);
    expect(unknown.output).toContain(`version 9.9.9 was never published to ${dest} (published: ${V1}, ${V2})`);
  });

  it("refuses to roll back to a version whose files were changed", () => {
    const copy = join(work, "damaged");
    cpSync(dest, copy, { recursive: true });
    const runtime = liveManifest().runtime.file.replace(`runtime/${V1}/`, `runtime/${V2}/`);
    writeFileSync(join(copy, runtime), `${readFileSync(join(copy, runtime), "utf8")}\n;`);
    const run = deploy(["--dest", copy, "--rollback", V2]);
    expect(run.status).not.toBe(0);
    expect(run.output).toContain("does not match its integrity in the manifest");
  });
});

describe("the published widget in Chromium", () => {
  let crossOriginPage: StaticSite;
  let cdn: CdnServer;

  beforeAll(async () => {
    cdn = await serveCdn(dest);
    crossOriginPage = await servePages([PAGES], cdn.url);
    servers.push(cdn, crossOriginPage);
  });

  it("loads cross-origin from the CDN with Access-Control-Allow-Origin, and not without it", async () => {
    const visitor = await visit(`${crossOriginPage.url}/deploy-cdn.html`);
    await openMessenger(visitor.page);
    expect(visitor.pageErrors).toEqual([]);

    cdn.cors = false;
    const errors: string[] = [];
    const blocked = await visit(`${crossOriginPage.url}/deploy-cdn.html`, errors);
    await expect.poll(() => errors.join("\n"), { timeout: 10_000 }).toContain("[OpencomWidget] could not load the widget runtime");
    expect(await blocked.page.locator("opencom-widget").count()).toBe(0);
    cdn.cors = true;
  });

  it("refuses a runtime whose bytes don't match the integrity widget.js was built with", async () => {
    const { visitor, errors } = await visitTampered("runtime");
    await expect.poll(() => errors.join("\n"), { timeout: 10_000 }).toContain("does not match its integrity");
    expect(errors.join("\n")).toContain("[OpencomWidget] could not load the widget runtime");
    // The tampered code never ran: it would have flagged itself and mounted the widget.
    expect(await visitor.page.evaluate(() => (window as unknown as { __tamperedRan?: boolean }).__tamperedRan ?? false)).toBe(false);
    expect(await visitor.page.locator("opencom-widget").count()).toBe(0);
  });

  it("refuses a lazily loaded chunk whose bytes don't match, and the launcher stays usable", async () => {
    const { visitor, errors } = await visitTampered("panel");
    await visitor.page.getByRole("button", { name: "Open messenger" }).click();
    await expect.poll(() => errors.join("\n"), { timeout: 10_000 }).toContain("does not match its integrity");
    expect(await visitor.page.evaluate(() => (window as unknown as { __tamperedRan?: boolean }).__tamperedRan ?? false)).toBe(false);
    await expect.poll(() => visitor.page.getByRole("button", { name: "Open messenger" }).isVisible()).toBe(true);
  });

  it("runs under require-trusted-types-for 'script' with no policy allowed, with 0 violations", async () => {
    const site = await servePages([dest, PAGES], "");
    servers.push(site);
    site.setHeaders("/deploy-cdn.html", {
      "content-security-policy": "require-trusted-types-for 'script'; trusted-types 'none'; script-src 'self'",
    });
    const errors: string[] = [];
    const visitor = await visit(`${site.url}/deploy-cdn.html`, errors);
    await openMessenger(visitor.page);
    expect(await visitor.cspViolations()).toEqual([]);
    expect(errors.filter((e) => /trusted|violat|refused/i.test(e))).toEqual([]);
    expect(visitor.pageErrors).toEqual([]);
  });
});

// --- helpers ---------------------------------------------------------------------------------

/** SHA-384 recomputed here, independently of scripts/build/integrity.ts. */
function createHashBase64(bytes: Buffer): string {
  return createHash("sha384").update(bytes).digest("base64");
}

function snapshot(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else out[path] = statSync(join(dir, path)).mtimeMs;
    }
  };
  walk("");
  return out;
}

/** A copy of the live version in which one file (the runtime entry, or the chunk named `chunk`) has one statement more. */
function tamperedCopy(chunk: "runtime" | "panel"): string {
  const copy = mkdtempSync(join(work, `tampered-${chunk}-`));
  cpSync(dest, copy, { recursive: true });
  const manifest = liveManifest();
  const file = chunk === "runtime" ? manifest.runtime.file : Object.keys(manifest.files).find((f) => f.includes("/panel-"));
  if (!file) throw new Error(`no ${chunk} chunk in the manifest`);
  writeFileSync(join(copy, file), `window.__tamperedRan = true;\n${readFileSync(join(copy, file), "utf8")}`);
  return copy;
}

/** The page on a site that serves a tampered copy of the live version, and its console errors. */
async function visitTampered(chunk: "runtime" | "panel"): Promise<{ visitor: VisitorPage; errors: string[] }> {
  const site = await servePages([tamperedCopy(chunk), PAGES], "");
  servers.push(site);
  const errors: string[] = [];
  return { visitor: await visit(`${site.url}/deploy-cdn.html`, errors), errors };
}

async function visit(url: string, consoleErrors?: string[]): Promise<VisitorPage> {
  const visitor = await openVisitor(browser, "about:blank");
  opened.push(visitor);
  if (consoleErrors) visitor.page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  await visitor.page.goto(url);
  return visitor;
}

async function openMessenger(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Open messenger" }).click({ timeout: 15_000 });
  await expect.poll(() => page.getByRole("button", { name: "Close messenger" }).isVisible(), { timeout: 10_000 }).toBe(true);
  await expect.poll(() => page.getByRole("dialog").count(), { timeout: 10_000 }).toBeGreaterThan(0);
}

function servePages(roots: string[], cdnUrl: string): Promise<StaticSite> {
  return serveStatic(roots, { CONVEX_URL: stack.demo.convexUrl, WORKSPACE_ID: stack.demo.workspaceId, CDN_URL: cdnUrl });
}

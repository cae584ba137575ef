// The integration examples (examples/<name>/), each in Chromium against the local backend:
// plain HTML, consent-gated injection, an SPA, a custom launcher, Next.js (next build + next
// start), and the npm package bundled by esbuild. Issue "Distribution, examples and
// performance budgets".
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { freePort } from "../support/backend-process";
import { launchChromium } from "../support/browser";
import { serveStatic, type StaticSite } from "../support/static-server";
import { serveCdn, type CdnServer } from "./support/cdn";
import { openVisitor, type VisitorPage } from "./support/page";
import { startStack, type Stack } from "./support/stack";

const ROOT = resolve(import.meta.dirname, "../..");
const STATIC_EXAMPLES = ["plain-html", "consent", "spa", "custom-launcher"];
const work = mkdtempSync(join(tmpdir(), "opencom-examples-"));

let stack: Stack;
let browser: Browser;
let site: StaticSite;
const opened: VisitorPage[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  site = await serveExamples();
});
afterAll(async () => {
  await Promise.all(opened.map((v) => v.context.close()));
  await site?.close();
  await browser?.close();
  await stack?.close();
  rmSync(work, { recursive: true, force: true });
});

/**
 * The examples as `npm run dev` serves them: the built widget beside them, the backend's URL
 * in place of the dev default, and the demo site's strict CSP on every page.
 */
async function serveExamples(): Promise<StaticSite> {
  const root = join(work, "examples");
  for (const name of STATIC_EXAMPLES) {
    cpSync(join(ROOT, "examples", name), join(root, name), { recursive: true });
    for (const file of readdirSync(join(root, name))) {
      if (![".html", ".js"].includes(extname(file))) continue;
      const path = join(root, name, file);
      writeFileSync(path, readFileSync(path, "utf8").replaceAll("http://127.0.0.1:3210", stack.demo.convexUrl));
    }
  }
  const served = await serveStatic([join(ROOT, "dist"), root], {});
  const convex = new URL(stack.demo.convexUrl);
  const csp = `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ${convex.origin} ws://${convex.host}`;
  for (const name of STATIC_EXAMPLES) served.setHeaders(`/${name}/`, { "content-security-policy": csp });
  return served;
}

async function visit(url: string): Promise<VisitorPage & { requests: string[]; sockets: string[]; calls: ConvexCall[] }> {
  const visitor = await openVisitor(browser, "about:blank");
  opened.push(visitor);
  const requests: string[] = [];
  const sockets: string[] = [];
  visitor.page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  visitor.page.on("websocket", (socket) => sockets.push(socket.url()));
  const calls = recordConvexCalls(visitor.page);
  await visitor.page.goto(url);
  return { ...visitor, requests, sockets, calls };
}

interface ConvexCall {
  udfPath: string;
  args: Record<string, unknown>;
  ok?: boolean;
}

/** Mutations and actions the widget sends over its Convex WebSocket, with their outcome. */
function recordConvexCalls(page: Page): ConvexCall[] {
  const calls: ConvexCall[] = [];
  page.on("websocket", (socket) => {
    const byRequest = new Map<number, ConvexCall>();
    socket.on("framesent", ({ payload }) => {
      const frame = JSON.parse(String(payload)) as { type: string; requestId: number; udfPath: string; args: Array<Record<string, unknown>> };
      if (frame.type !== "Mutation" && frame.type !== "Action") return;
      const call: ConvexCall = { udfPath: frame.udfPath, args: frame.args[0] ?? {} };
      byRequest.set(frame.requestId, call);
      calls.push(call);
    });
    socket.on("framereceived", ({ payload }) => {
      const frame = JSON.parse(String(payload)) as { type: string; requestId: number; success: boolean };
      if (frame.type === "MutationResponse" || frame.type === "ActionResponse") {
        const call = byRequest.get(frame.requestId);
        if (call) call.ok = frame.success;
      }
    });
  });
  return calls;
}

const isWidgetFile = (path: string) => path === "/widget.js" || path.startsWith("/runtime/");
const launcher = (page: Page) => page.getByRole("button", { name: "Open messenger" });

async function openMessenger(page: Page): Promise<void> {
  await launcher(page).click({ timeout: 15_000 });
  await expect.poll(() => page.getByRole("dialog").first().isVisible(), { timeout: 10_000 }).toBe(true);
}

async function sendFromNewConversation(page: Page, text: string): Promise<void> {
  await page.getByRole("button", { name: /new conversation/i }).click();
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
}

describe("plain HTML", () => {
  it("shows the launcher and delivers a visitor's message to the agent", async () => {
    const { page, pageErrors } = await visit(`${site.url}/plain-html/`);
    await openMessenger(page);
    await sendFromNewConversation(page, "Hello from the plain HTML example");
    const conversation = await stack.agent.conversationWith("Hello from the plain HTML example");
    expect((await stack.agent.messages(conversation.id)).map((m) => m.body)).toEqual(["Hello from the plain HTML example"]);
    expect(pageErrors).toEqual([]);
  });
});

describe("consent-gated injection", () => {
  it("loads nothing of the widget before Accept, loads it after, and remembers the choice", async () => {
    const visitor = await visit(`${site.url}/consent/`);
    const { page } = visitor;
    await expect.poll(() => page.getByRole("dialog", { name: "Your privacy" }).isVisible()).toBe(true);
    await page.waitForLoadState("networkidle");
    expect(visitor.requests.filter(isWidgetFile)).toEqual([]);
    expect(visitor.sockets).toEqual([]);
    expect(await page.evaluate(() => "OpencomWidget" in window)).toBe(false);
    expect(await page.locator("opencom-widget").count()).toBe(0);

    await page.getByRole("button", { name: "Accept" }).click();
    await expect.poll(() => launcher(page).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(visitor.requests).toContain("/widget.js");
    expect(visitor.requests.some((path) => path.startsWith("/runtime/"))).toBe(true);

    await page.reload();
    await expect.poll(() => launcher(page).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole("dialog", { name: "Your privacy" }).isVisible()).toBe(false);

    // Withdrawing consent ends the widget.
    await page.getByRole("button", { name: "Cookie settings" }).click();
    await page.getByRole("button", { name: "Reject" }).click();
    await expect.poll(() => launcher(page).count()).toBe(0);
    expect(visitor.pageErrors).toEqual([]);
  });
});

describe("single-page app", () => {
  it("records a page view per route, identifies on login and destroys on logout", async () => {
    const { page, calls, pageErrors } = await visit(`${site.url}/spa/`);
    await expect.poll(() => launcher(page).isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByRole("link", { name: "Pricing" }).click();
    await page.getByRole("link", { name: "Account" }).click();
    await page.goBack();

    const pageViews = () => calls.filter((c) => c.udfPath === "events:track" && c.args.name === "$pageview" && c.ok === true).map((c) => new URL(String(c.args.url)).pathname);
    await expect.poll(pageViews, { timeout: 10_000 }).toEqual(["/spa/", "/spa/pricing", "/spa/account", "/spa/pricing"]);

    await page.getByRole("button", { name: "Log in" }).click();
    const identified = () => calls.find((c) => c.udfPath === "visitors:identify");
    await expect.poll(() => identified()?.ok, { timeout: 10_000 }).toBe(true);
    expect(identified()?.args.user).toMatchObject({ userId: "user-ada@example.com", email: "ada@example.com" });
    const visitorBefore = await page.evaluate(() => (window as unknown as { OpencomWidget: { getVisitorId(): string | null } }).OpencomWidget.getVisitorId());
    expect(visitorBefore).toEqual(expect.any(String));

    await page.getByRole("button", { name: "Log out" }).click();
    await expect.poll(() => calls.find((c) => c.udfPath === "widgetSessions:logout")?.ok, { timeout: 10_000 }).toBe(true);
    // A fresh anonymous widget: a new visitor, not the one that logged out.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { OpencomWidget: { getVisitorId(): string | null } }).OpencomWidget.getVisitorId()), { timeout: 10_000 })
      .not.toBe(visitorBefore);
    await expect.poll(() => launcher(page).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});

describe("custom launcher", () => {
  it("opens and closes the messenger from the page's own button, with the default launcher hidden", async () => {
    const { page, pageErrors } = await visit(`${site.url}/custom-launcher/`);
    const help = page.getByRole("button", { name: /^Help/ });
    await expect.poll(() => page.locator("opencom-widget").count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.evaluate(() => (window as unknown as { OpencomWidget: { getVisitorId(): string | null } }).OpencomWidget.getVisitorId()), { timeout: 15_000 }).not.toBeNull();
    expect(await launcher(page).isVisible()).toBe(false);
    // The demo workspace's seeded announcement pushes the page down under the panel; a visitor
    // would dismiss it first.
    const dismiss = page.getByRole("region", { name: "Announcement" }).getByRole("button", { name: "Dismiss" });
    await dismiss.click({ timeout: 15_000 });
    await expect.poll(() => dismiss.count()).toBe(0);
    await help.click();
    await expect.poll(() => page.getByRole("dialog").first().isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => help.getAttribute("aria-expanded")).toBe("true");
    await help.click();
    await expect.poll(() => page.getByRole("dialog").first().isVisible()).toBe(false);
    await expect.poll(() => help.getAttribute("aria-expanded")).toBe("false");
    expect(pageErrors).toEqual([]);
  });
});

describe("Next.js App Router", () => {
  let cdn: CdnServer;
  let server: ChildProcess | undefined;

  afterAll(async () => {
    if (server?.pid !== undefined && server.exitCode === null) {
      const exited = new Promise((done) => server!.once("exit", done));
      process.kill(-server.pid, "SIGTERM");
      await exited;
    }
    await cdn?.close();
  });

  it("builds with next build, and the page loads the widget through next/script", async () => {
    cdn = await serveCdn(join(ROOT, "dist"));
    const env = {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_PUBLIC_OPENCOM_WIDGET_URL: `${cdn.url}/widget.js`,
      NEXT_PUBLIC_OPENCOM_CONVEX_URL: stack.demo.convexUrl,
      NEXT_PUBLIC_OPENCOM_WORKSPACE_ID: stack.demo.workspaceId,
    };
    // The example is its own package, as a customer's app would be: Next.js stays out of the
    // widget's dependencies (and out of its lock file, whose `npm ci` must work on every
    // platform's registry mirror). It is installed into a scratch copy here.
    const app = join(work, "nextjs-app");
    cpSync(join(ROOT, "examples/nextjs"), app, { recursive: true });
    const installed = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", "--ignore-scripts"], { cwd: app, env, encoding: "utf8", timeout: 240_000 });
    expect(installed.status, `${installed.stdout}\n${installed.stderr}`).toBe(0);
    const built = spawnSync("npx", ["--no-install", "next", "build"], { cwd: app, env, encoding: "utf8", timeout: 240_000 });
    expect(built.status, `${built.stdout}\n${built.stderr}`).toBe(0);

    const port = await freePort();
    server = spawn("npx", ["--no-install", "next", "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: app, env, detached: true, stdio: "ignore" });
    const url = `http://127.0.0.1:${port}`;
    await expect.poll(() => fetch(url).then((r) => r.status, () => 0), { timeout: 30_000, interval: 250 }).toBe(200);

    const { page, calls, pageErrors } = await visit(`${url}/`);
    await openMessenger(page);
    await page.keyboard.press("Escape");
    await page.getByRole("link", { name: "Pricing", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Pricing" }).isVisible()).toBe(true);
    const pageViews = () => calls.filter((c) => c.udfPath === "events:track" && c.args.name === "$pageview" && c.ok).map((c) => new URL(String(c.args.url)).pathname);
    await expect.poll(pageViews, { timeout: 10_000 }).toEqual(["/", "/pricing"]);
    expect(await page.locator("opencom-widget").count()).toBe(1);
    expect(pageErrors).toEqual([]);
  }, 300_000);
});

describe("the npm package, packed and installed as a customer's app would", () => {
  /*
   * `npm pack` of this repository (the build that npm test made, plus the type declarations), installed
   * into a scratch project with `--omit=dev`: what a site that installs the SDK from npm really gets.
   */
  function packAndInstall(): { app: string; manifest: { dependencies?: Record<string, string> }; installed: string[] } {
    const types = spawnSync(process.execPath, ["--import", "tsx", "scripts/build-types.ts"], { cwd: ROOT, encoding: "utf8" });
    expect(types.status, types.stderr).toBe(0);
    const packDir = join(work, "pack");
    mkdirSync(packDir, { recursive: true });
    // The build already ran (npm test builds first); --ignore-scripts keeps prepack from rebuilding
    // dist/ under the feet of the other e2e files.
    const pack = spawnSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", packDir], { cwd: ROOT, encoding: "utf8" });
    expect(pack.status, pack.stderr).toBe(0);
    const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
    const app = join(work, "packed-app");
    mkdirSync(app, { recursive: true });
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "customer-app", private: true, type: "module" }));
    const install = spawnSync("npm", ["install", "--omit=dev", "--no-audit", "--no-fund", "--ignore-scripts", join(packDir, filename)], { cwd: app, encoding: "utf8", timeout: 120_000 });
    expect(install.status, install.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(app, "node_modules/opencom-widget/package.json"), "utf8")) as { dependencies?: Record<string, string> };
    const installed = readdirSync(join(app, "node_modules")).filter((name) => !name.startsWith("."));
    return { app, manifest, installed };
  }

  it("installs with no dependency, bundles with esbuild, type-checks against its own types and starts the widget", async () => {
    const { app, manifest, installed } = packAndInstall();
    // Everything the published entries need is bundled into dist/: the server stack stays out.
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(installed).toEqual(["opencom-widget"]);

    writeFileSync(
      join(app, "main.ts"),
      `import { init, on, type WidgetConfig } from "opencom-widget";\n` +
        `const config: WidgetConfig = { convexUrl: ${JSON.stringify(stack.demo.convexUrl)}, workspaceId: ${JSON.stringify(stack.demo.workspaceId)} };\n` +
        `on("ready", ({ visitorId }) => document.body.setAttribute("data-visitor", visitorId));\n` +
        `init(config);\n`,
    );
    writeFileSync(join(app, "wrong.ts"), `import { init } from "opencom-widget";\ninit({ convexUrl: 42, workspaceId: "demo" });\n`);
    const tsconfig = { compilerOptions: { strict: true, module: "ESNext", moduleResolution: "Bundler", target: "ES2022", lib: ["ES2022", "DOM"], noEmit: true, skipLibCheck: false, types: [] } };
    writeFileSync(join(app, "tsconfig.json"), JSON.stringify({ ...tsconfig, files: ["main.ts"] }));
    writeFileSync(join(app, "tsconfig.wrong.json"), JSON.stringify({ ...tsconfig, files: ["wrong.ts"] }));
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    const typed = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: app, encoding: "utf8" });
    expect(typed.stdout + typed.stderr).toBe("");
    // The shipped types are real: a wrong call fails to compile.
    const wrong = spawnSync(process.execPath, [tsc, "-p", "tsconfig.wrong.json"], { cwd: app, encoding: "utf8" });
    expect(wrong.stdout).toMatch(/wrong\.ts\(2,8\): error TS2322: Type .number. is not assignable to type .string./);

    writeFileSync(join(app, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bundled</title><script type="module" src="/out/main.js"></script></head><body><h1>Bundled app</h1></body></html>`);
    await build({ absWorkingDir: app, entryPoints: ["main.ts"], bundle: true, format: "esm", splitting: true, outdir: join(app, "out"), logLevel: "silent" });

    const served = await serveStatic([app], {});
    try {
      const { page, pageErrors } = await visit(`${served.url}/index.html`);
      await expect.poll(() => page.locator("body").getAttribute("data-visitor"), { timeout: 15_000 }).toEqual(expect.any(String));
      await openMessenger(page);
      expect(await page.evaluate(() => typeof (window as unknown as { OpencomWidget?: { open?: unknown } }).OpencomWidget?.open)).toBe("function");
      expect(pageErrors).toEqual([]);
    } finally {
      await served.close();
    }
  }, 180_000);
});

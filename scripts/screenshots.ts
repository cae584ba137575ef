// `npm run screenshots`: remakes the README's pictures from the production build (run
// `npm run build` first): docs/screenshot.png, the messenger open on the demo site, and
// docs/inbox-screenshot.png, the operator inbox answering that visitor. A local backend with
// the demo workspace and a dozen more conversations, the demo site (examples/) and the
// inbox, in headless Chromium at 1280×800.
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import type { Page } from "playwright-core";
import { startBenchStack } from "../bench/stack";
import { launchChromium } from "../test/support/browser";

const ROOT = resolve(import.meta.dirname, "..");
const DIST = join(ROOT, "dist");
const VIEWPORT = { width: 1280, height: 800 };
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".json": "application/json" };

if (!existsSync(join(DIST, "widget.js")) || !existsSync(join(DIST, "inbox/index.html"))) {
  console.error("[screenshots] dist/ is incomplete: run `npm run build` first");
  process.exit(2);
}

/** The demo site as `npm run dev` serves it: examples/ with the widget from dist/, pointed at this backend. */
async function serveDemoSite(convexUrl: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const fromDist = /^\/(?:widget\.js|manifest\.json|runtime\/)/.test(path);
    const file = join(fromDist ? DIST : join(ROOT, "examples"), path.endsWith("/") ? `${path}index.html` : path);
    if (!existsSync(file)) {
      response.writeHead(404).end("not found");
      return;
    }
    const body = extname(file) === ".html" ? readFileSync(file, "utf8").replaceAll("http://127.0.0.1:3210", convexUrl) : readFileSync(file);
    response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`, server };
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(500);
}

const stack = await startBenchStack(DIST, 0, 12);
const demoSite = await serveDemoSite(stack.backend.convexUrl);
const browser = await launchChromium();
try {
  const visitor = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await visitor.goto(`${demoSite.url}/`);
  await visitor.getByRole("button", { name: "Open messenger" }).click();
  await visitor.getByRole("button", { name: /new conversation/i }).click();
  await visitor.getByRole("textbox", { name: "Message" }).fill("Hi! Can I export my dashboard as a PDF?");
  await visitor.getByRole("button", { name: "Send", exact: true }).click();

  const operator = stack.backend.operators.find((candidate) => candidate.role === "agent");
  if (!operator) throw new Error("the demo has no agent");
  const inbox = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await inbox.goto(`${stack.site.url}/inbox/index.html`);
  await inbox.getByRole("textbox", { name: "Email" }).fill(operator.email);
  await inbox.getByLabel("Password").fill(operator.password);
  await inbox.getByRole("button", { name: "Sign in" }).click();
  const row = inbox.getByRole("list", { name: "Conversations" }).getByRole("link").filter({ hasText: "export my dashboard" });
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  await inbox.getByRole("button", { name: "Assign to me" }).click();
  const reply = inbox.getByRole("textbox", { name: "Reply" });
  await reply.fill("Hi there! Yes: open the dashboard, click **Export** and choose PDF.");
  await reply.press("Enter");
  await visitor.getByRole("log").getByText("choose PDF").waitFor({ timeout: 30_000 });
  await visitor.getByRole("textbox", { name: "Message" }).pressSequentially("Perfect, thank", { delay: 40 });
  await inbox.getByText(/is typing…/).waitFor({ timeout: 30_000 });

  await settle(visitor);
  await visitor.screenshot({ path: join(ROOT, "docs/screenshot.png") });
  await settle(inbox);
  await inbox.screenshot({ path: join(ROOT, "docs/inbox-screenshot.png") });
  console.log("[screenshots] wrote docs/screenshot.png and docs/inbox-screenshot.png");
} finally {
  await browser.close();
  await new Promise((done) => demoSite.server.close(done));
  await stack.close();
}

// The inbox's Settings, end to end: an admin creates a support team and an API key (shown
// once), is told at the field when an allowed origin is bad, and verifies the widget's
// installation by booting the page's own snippet with an onboarding token; every page is
// axe-clean and fits 375 px; an agent does not see the admin pages.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { serveStatic, type StaticSite } from "../support/static-server";
import { axeViolations, shows } from "./support/messenger";
import { openVisitor } from "./support/page";
import { buildInbox } from "./support/operator";
import { startStack, type Stack } from "./support/stack";

const ROOT = resolve(import.meta.dirname, "../..");
const ADMIN_PAGES = ["Support teams", "SLA policies", "Office hours", "Messenger", "Security", "API keys", "OAuth clients", "Widget installation", "Bots"];

type Operator = { email: string; password: string; role: "admin" | "agent" };

let stack: Stack;
let browser: Browser;
let inbox: StaticSite;
/** A customer's site: the built widget plus the page the test writes from the snippet. */
let customerSite: StaticSite;
let customerPages: string;
let admin: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  customerPages = mkdtempSync(join(tmpdir(), "opencom-settings-site-"));
  const [started, launched, inboxDir] = await Promise.all([
    startStack(),
    launchChromium(),
    buildInbox(),
  ]);
  stack = started;
  browser = launched;
  customerSite = await serveStatic([customerPages, join(ROOT, "dist")], {});
  inbox = await serveStatic([inboxDir], { CONVEX_URL: stack.demo.convexUrl, WIDGET_URL: `${customerSite.url}/widget.js` });
});

afterAll(async () => {
  await browser?.close();
  await inbox?.close();
  await customerSite?.close();
  await stack?.close();
});

const operator = (role: Operator["role"]) => (stack.demo as unknown as { operators: Operator[] }).operators.find((candidate) => candidate.role === role)!;

async function signIn(role: Operator["role"], viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${inbox.url}/#/settings`);
  await page.getByRole("textbox", { name: "Email" }).fill(operator(role).email);
  await page.getByLabel("Password").fill(operator(role).password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await shows(page.getByRole("navigation", { name: "Settings pages" }), 20_000);
  return page;
}

const settingsLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Settings pages" }).getByRole("link", { name, exact: true });

async function openSettings(page: Page, name: string): Promise<void> {
  await settingsLink(page, name).click();
  await expect.poll(() => settingsLink(page, name).getAttribute("aria-current")).toBe("page");
}

describe("Settings", () => {
  it("lets an admin create a support team", async () => {
    admin = await signIn("admin");
    await openSettings(admin, "Support teams");
    await admin.getByRole("textbox", { name: "New team name" }).fill("Billing");
    await admin.getByRole("button", { name: "Create team" }).click();
    await shows(admin.getByRole("heading", { name: "Billing" }));
    await admin.getByRole("group", { name: "Members of Billing" }).getByRole("checkbox").first().click();
    await expect.poll(() => admin.getByRole("group", { name: "Members of Billing" }).getByRole("checkbox").first().isChecked()).toBe(true);
    expect(await axeViolations(admin)).toEqual([]);
  });

  it("creates an OAuth client whose secret, shown once, gets a token; a new secret replaces it", async () => {
    await openSettings(admin, "OAuth clients");
    await admin.getByRole("textbox", { name: "Client name" }).fill("Design system");
    await admin.getByRole("checkbox", { name: /widget\.config:edit/ }).check();
    await admin.getByRole("button", { name: "Create client" }).click();
    const shown = admin.getByRole("textbox", { name: "Client secret" });
    await shows(shown);
    const secret = await shown.inputValue();
    const clientId = (await admin.locator("p", { hasText: "Client id of" }).locator("code").textContent()) ?? "";
    expect(clientId).toMatch(/^occ_/);
    expect(await axeViolations(admin)).toEqual([]);
    const token = (id: string, password: string) =>
      fetch(`${stack.demo.siteUrl}/api/v1/oauth/token`, {
        method: "POST",
        headers: { authorization: `Basic ${Buffer.from(`${id}:${password}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
        body: "grant_type=client_credentials",
      });
    expect((await token(clientId, secret)).status).toBe(200);
    admin.once("dialog", (dialog) => void dialog.accept());
    await admin.getByRole("button", { name: "New secret for Design system" }).click();
    const rotated = admin.getByRole("textbox", { name: "New client secret" });
    await shows(rotated);
    expect((await token(clientId, secret)).status).toBe(401);
    expect((await token(clientId, await rotated.inputValue())).status).toBe(200);
  });

  it("shows a new API key once, and the key works on the REST API", async () => {
    await openSettings(admin, "API keys");
    await admin.getByRole("textbox", { name: "Key name" }).fill("CI deploys");
    await admin.getByRole("button", { name: "Create key" }).click();
    const shown = admin.getByRole("textbox", { name: "New API key" });
    await shows(shown);
    const key = await shown.inputValue();
    expect(key).toMatch(/^oc_live_/);
    await shows(admin.getByRole("cell", { name: "CI deploys", exact: true }));
    expect(await axeViolations(admin)).toEqual([]);
    const response = await fetch(`${stack.demo.siteUrl}/api/v1/conversations`, { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(200);
    // Gone once the page is left: only the prefix is listed from now on.
    await openSettings(admin, "Security");
    await openSettings(admin, "API keys");
    await shows(admin.getByRole("cell", { name: "CI deploys", exact: true }));
    expect(await admin.getByRole("textbox", { name: "New API key" }).count()).toBe(0);
    expect(await admin.locator("body").innerText()).not.toContain(key);
  });

  it("refuses a bad allowed origin at the field, then saves a good list", async () => {
    await openSettings(admin, "Security");
    const origins = admin.getByRole("textbox", { name: "Allowed origins" });
    await shows(origins);
    const before = await origins.inputValue();
    await origins.fill(`${before}\nnot an origin`);
    await admin.getByRole("button", { name: "Save security settings" }).click();
    await expect.poll(() => origins.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await origins.getAttribute("aria-describedby")) ?? "";
    const error = admin.locator(`[id="${describedBy.split(" ").find((id) => id.endsWith("-error"))}"]`);
    expect(await error.getAttribute("role")).toBe("alert");
    expect(await error.innerText()).toContain("not an origin");
    expect(await axeViolations(admin)).toEqual([]);
    await origins.fill(`${before}\nhttps://shop.example.com`);
    await admin.getByRole("button", { name: "Save security settings" }).click();
    await shows(admin.getByRole("status").filter({ hasText: "Saved." }));
    expect(await origins.getAttribute("aria-invalid")).toBeNull();
  });

  it("verifies the installation live when a page boots the snippet with the onboarding token", async () => {
    await openSettings(admin, "Widget installation");
    await admin.getByRole("textbox", { name: "Installation label (optional)" }).fill("E2E shop");
    await admin.getByRole("button", { name: "Start an install check" }).click();
    await shows(admin.getByText(/Waiting for a widget to boot/));
    const scriptTag = admin.getByRole("region", { name: "Script tag" }).locator("pre");
    await expect.poll(() => scriptTag.innerText()).toContain("data-opencom-onboarding-verification-token=");
    const snippet = await scriptTag.innerText();
    expect(snippet).toContain(`src="${customerSite.url}/widget.js"`);
    expect(snippet).toContain(`data-opencom-convex-url="${stack.demo.convexUrl}"`);
    expect(await axeViolations(admin)).toEqual([]);

    // The customer pastes the snippet as it is into a page of their site.
    writeFileSync(join(customerPages, "install.html"), `<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Shop</h1>\n${snippet}\n</body></html>`);
    const visitor = await openVisitor(browser, `${customerSite.url}/install.html`);
    await shows(visitor.page.getByRole("button", { name: "Open messenger" }), 20_000);
    const status = admin.getByRole("status").filter({ hasText: "Installation verified" });
    await shows(status, 15_000);
    expect(await status.innerText()).toContain(customerSite.url);
    expect(await status.innerText()).toContain("E2E shop");
    await visitor.context.close();
  });

  // Nine pages, each opened, axe-checked and measured: about 6 s a page on a loaded machine.
  it("keeps every admin page axe-clean and within 375 px", { timeout: 120_000 }, async () => {
    const narrow = await signIn("admin", { width: 375, height: 720 });
    for (const name of ADMIN_PAGES) {
      await openSettings(narrow, name);
      await shows(narrow.locator(".settings-page h2").first());
      expect(await axeViolations(narrow), name).toEqual([]);
      const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const wide = await narrow.evaluate(() =>
        [...document.querySelectorAll(".settings-page *")]
          .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth)
          .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
          .slice(0, 5),
      );
      expect(overflow, `${name} overflows by ${overflow}px: ${wide.join(", ")}`).toBeLessThanOrEqual(0);
    }
    await narrow.context().close();
  });

  it("does not show the admin pages to an agent", async () => {
    const agent = await signIn("agent");
    await shows(settingsLink(agent, "Members"));
    for (const name of ADMIN_PAGES) expect(await settingsLink(agent, name).count(), name).toBe(0);
    await agent.goto(`${inbox.url}/#/settings/api-keys`);
    await shows(agent.getByRole("heading", { name: "Your account" }));
    expect(await agent.getByRole("heading", { name: "API keys" }).count()).toBe(0);
    await agent.context().close();
    expect(pageErrors).toEqual([]);
  });
});

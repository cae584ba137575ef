// The inbox's Engagement studio end to end: the demo admin sets the website address, builds
// a two-step tour whose targets are picked on the demo site in the picker window (the editor
// fills each selector in live), activates it, and a visitor in another browser takes it to
// the end while the item page's funnel counts the view, the start and the completion. The
// editor is axe-clean and shows errors at their field; an agent is kept out.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser";
import { serveStatic, type StaticSite } from "../support/static-server";
import { axeViolations, callWidget, quietEngagement, shows } from "./support/messenger";
import { demoOperators, serveInbox, signInOperator, type OperatorPage } from "./support/operator";
import { openVisitor } from "./support/page";
import { startStack, type Stack } from "./support/stack";

const ROOT = resolve(import.meta.dirname, "../..");

let stack: Stack;
let browser: Browser;
let inbox: StaticSite;
let demoSite: StaticSite;
let admin: OperatorPage;

/** The demo site of `npm run dev` (examples/), pointed at this test's backend. */
function demoSitePages(convexUrl: string): string {
  const dir = mkdtempSync(join(tmpdir(), "opencom-studio-demo-"));
  for (const file of ["index.html", "app.js", "styles.css", "favicon.svg"]) cpSync(join(ROOT, "examples", file), join(dir, file));
  const html = readFileSync(join(dir, "index.html"), "utf8").replaceAll("http://127.0.0.1:3210", convexUrl);
  writeFileSync(join(dir, "index.html"), html);
  return dir;
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  [inbox, demoSite] = await Promise.all([serveInbox(stack), serveStatic([demoSitePages(stack.demo.convexUrl), join(ROOT, "dist")], {})]);
  await quietEngagement(stack);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([inbox?.close(), demoSite?.close()]);
  await stack?.close();
});

const operator = (role: "admin" | "agent") => demoOperators(stack).find((candidate) => candidate.role === role)!;

/** Clicks "Pick on site" for `label`, picks `selector` in the window that opens, closes it, and answers the selector it saved. */
async function pickOnSite(page: Page, label: string, selector: string): Promise<string> {
  const opened = page.context().waitForEvent("page", { timeout: 20_000 });
  await page.getByRole("button", { name: `Pick on site for ${label}` }).click();
  const picker = await opened;
  await picker.waitForURL(/#opencom-authoring=oat_/, { timeout: 20_000 });
  expect(await picker.evaluate(() => window.opener)).toBeNull();
  await picker.getByRole("button", { name: "Pick an element" }).click({ timeout: 20_000 });
  // The picker's bar may sit over the element (the demo's header): click it as the picker sees clicks.
  await picker.locator(selector).dispatchEvent("click");
  await picker.getByRole("button", { name: "Save selector" }).click();
  const saved = picker.getByText(/^Saved/);
  await shows(saved, 10_000);
  const stored = await saved.locator("code").innerText();
  expect(await picker.locator(stored).evaluate((element, wanted) => element.matches(wanted), selector)).toBe(true);
  await picker.close();
  return stored;
}

describe("the Engagement studio", () => {
  it("sets the website address the studio opens", async () => {
    admin = await signInOperator(browser, inbox.url, operator("admin"));
    await admin.page.goto(`${inbox.url}/#/settings/installation`);
    const address = admin.page.getByRole("textbox", { name: "Website address" });
    await shows(address);
    await address.fill("not a url");
    await admin.page.getByRole("button", { name: "Save website address" }).click();
    await expect.poll(() => address.getAttribute("aria-invalid")).toBe("true");
    await address.fill(`${demoSite.url}/`);
    await admin.page.getByRole("button", { name: "Save website address" }).click();
    await shows(admin.page.getByRole("status").filter({ hasText: "Saved." }));
  });

  it("builds a two-step tour with targets picked on the demo site, then activates it", async () => {
    const { page } = admin;
    await page.getByRole("navigation", { name: "Inbox sections" }).getByRole("link", { name: "Engagement" }).click();
    await shows(page.getByRole("heading", { name: "Tours" }));
    await page.getByRole("link", { name: "Create" }).click();
    await shows(page.getByRole("textbox", { name: "Name" }));
    expect(await axeViolations(page)).toEqual([]);

    // Errors show at their field, named by the server's field map.
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const name = page.getByRole("textbox", { name: "Name" });
    await expect.poll(() => name.getAttribute("aria-invalid")).toBe("true");
    expect(await axeViolations(page)).toEqual([]);

    await name.fill("Studio tour");
    await page.getByRole("textbox", { name: "Title" }).first().fill("Invite your team");
    await page.getByRole("textbox", { name: "Body text" }).first().fill("Work together from day one.");
    await page.getByRole("combobox", { name: "Kind" }).first().selectOption("pointer");
    // The new tour is saved as a draft first; the picker's choice reaches the editor live.
    const invite = await pickOnSite(page, "step 1", '[data-tour="invite-button"]');
    const firstSelector = page.getByRole("textbox", { name: "Target element (CSS selector)" }).first();
    await expect.poll(() => firstSelector.inputValue(), { timeout: 15_000 }).toBe(invite);
    expect(page.url()).toMatch(/#\/engagement\/tours\/[^/]+$/);

    await page.getByRole("button", { name: "Add step" }).click();
    await page.getByRole("textbox", { name: "Title" }).nth(1).fill("Export your data");
    await page.getByRole("textbox", { name: "Body text" }).nth(1).fill("Download the chart as CSV.");
    const exportButton = await pickOnSite(page, "step 2", '[data-tour="export-button"]');
    const secondSelector = page.getByRole("textbox", { name: "Target element (CSS selector)" }).nth(1);
    await expect.poll(() => secondSelector.inputValue(), { timeout: 15_000 }).toBe(exportButton);
    // The author's other edits made meanwhile were kept.
    expect(await page.getByRole("textbox", { name: "Title" }).nth(1).inputValue()).toBe("Export your data");

    await page.getByRole("combobox", { name: "Status" }).selectOption("active");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await shows(page.getByRole("status").filter({ hasText: "Saved." }));
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "All tours" }).click();
    const row = page.getByRole("row").filter({ hasText: "Studio tour" });
    await shows(row);
    expect(await row.innerText()).toContain("Active");
    expect(await row.innerText()).toContain("Everyone");
    expect(await row.innerText()).toContain("Ada Admin");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("lets a visitor in another browser take the tour to its end, with an edit saved meanwhile shown live", async () => {
    const visitor = await openVisitor(browser, `${demoSite.url}/`);
    const card = visitor.page.getByRole("dialog", { name: "Invite your team" });
    await shows(card, 30_000);
    // The admin renames step 2 while the visitor is on step 1: the open widget gets it without a reload.
    await admin.page.getByRole("link", { name: "Studio tour" }).click();
    const secondTitle = admin.page.getByRole("textbox", { name: "Title" }).nth(1);
    await shows(secondTitle);
    await secondTitle.fill("Export your numbers");
    await admin.page.getByRole("button", { name: "Save", exact: true }).click();
    await shows(admin.page.getByRole("status").filter({ hasText: "Saved." }));
    await visitor.page.getByRole("button", { name: "Next" }).click();
    await shows(visitor.page.getByRole("dialog", { name: "Export your numbers" }));
    await visitor.page.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => visitor.page.getByRole("dialog", { name: "Export your numbers" }).count()).toBe(0);
    const visitorId = (await callWidget(visitor.page, "getVisitorId")) as string;
    await expect
      .poll(async () => {
        const { data } = await stack.agent.request<{ data: { tours: Array<{ name: string; status: string }> } }>("GET", `/visitors/${visitorId}/progress`);
        return data.tours.find((tour) => tour.name === "Studio tour")?.status;
      })
      .toBe("completed");
    // The item page's results follow live: the funnel shows the view, the start and the completion.
    const funnel = admin.page.locator('[aria-label^="Tour funnel: visitors."]');
    await expect
      .poll(() => funnel.getAttribute("aria-label"), { timeout: 10_000 })
      .toBe("Tour funnel: visitors. Viewed: 1 of 1 (100%); Started: 1 of 1 (100%); Completed: 1 of 1 (100%)");
    expect(await axeViolations(admin.page)).toEqual([]);
    expect(visitor.pageErrors).toEqual([]);
    await visitor.context.close();
    expect(admin.pageErrors).toEqual([]);
  });

  it("is not shown to an agent, and tells one who follows a link that it is for admins", async () => {
    const agent = await signInOperator(browser, inbox.url, operator("agent"));
    const sections = agent.page.getByRole("navigation", { name: "Inbox sections" });
    await shows(sections.getByRole("link", { name: "Contacts" }));
    expect(await sections.getByRole("link", { name: "Engagement" }).count()).toBe(0);
    await agent.page.goto(`${inbox.url}/#/engagement/tours`);
    await shows(agent.page.getByText("The Engagement studio is for workspace admins."));
    await agent.context.close();
  });
});

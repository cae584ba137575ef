// The Engagement studio's editors in Chromium, as the demo admin: each type's errors show at
// their field and every editor is axe-clean; a survey built in the editor with an audience
// from the rule builder (and its live estimate), activated, is answered by a visitor in
// another browser context, the answer reaches the server and the survey's results show it; the CSAT tab saves settings
// and names a bad field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import type { StaticSite } from "../support/static-server";
import { axeViolations, shows } from "./support/messenger";
import { demoOperators, serveInbox, signInOperator, type OperatorPage } from "./support/operator";
import { openDemoVisitor, serveDemoSite } from "./support/overlays";
import type { VisitorPage } from "./support/page";
import { startStack, type Stack } from "./support/stack";

let stack: Stack;
let browser: Browser;
let inbox: StaticSite;
let site: StaticSite;
let admin: OperatorPage | undefined;
const visitors: VisitorPage[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  [inbox, site] = await Promise.all([serveInbox(stack), serveDemoSite(stack)]);
});

afterAll(async () => {
  await Promise.all(visitors.map((visitor) => visitor.context.close()));
  await admin?.context.close();
  await browser?.close();
  await inbox?.close();
  await site?.close();
  await stack?.close();
});

/** The demo admin's page, signed in on first use. */
async function adminPage(): Promise<Page> {
  admin ??= await signInOperator(browser, inbox.url, demoOperators(stack).find((operator) => operator.role === "admin")!);
  return admin.page;
}

const invalid = (page: Page, id: string) => page.locator(`#${id}`).getAttribute("aria-invalid");
/** The text of what a control's aria-describedby points at. */
const describedBy = (page: Page, id: string) =>
  page.locator(`#${id}`).evaluate((element) =>
    (element.getAttribute("aria-describedby") ?? "").split(" ").map((ref) => document.getElementById(ref)?.textContent ?? "").join(" "),
  );

async function openNew(page: Page, type: string): Promise<void> {
  await page.goto(`${inbox.url}/#/engagement/${type}/new`);
  await shows(page.getByRole("heading", { name: /^New: / }), 20_000);
}

async function save(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Save", exact: true }).click();
}

describe("the Engagement studio's editors", () => {
  it("show the server's errors at the field for messages, surveys and checklists, and are axe-clean", async () => {
    const page = await adminPage();
    await openNew(page, "outboundMessages");
    await page.locator("#item-name").fill("Broken message");
    await page.getByRole("button", { name: "Add a button" }).click();
    await page.locator("#outbound-button-0-action").selectOption("url");
    await page.locator("#outbound-button-0-url").fill("not a link");
    await save(page);
    await expect.poll(() => invalid(page, "outbound-body")).toBe("true");
    expect(await invalid(page, "outbound-button-0-label")).toBe("true");
    expect(await invalid(page, "outbound-button-0-url")).toBe("true");
    expect(await describedBy(page, "outbound-button-0-url")).toMatch(/url|URL/);
    expect(await axeViolations(page)).toEqual([]);

    await openNew(page, "surveys");
    await page.locator("#item-name").fill("Broken survey");
    await page.locator("#survey-question-0-title").fill("");
    await page.locator("#survey-question-0-type").selectOption("single_choice");
    await save(page);
    await expect.poll(() => invalid(page, "survey-question-0-title")).toBe("true");
    expect(await invalid(page, "survey-question-0-option-0")).toBe("true");
    expect(await axeViolations(page)).toEqual([]);

    await openNew(page, "checklists");
    await page.locator("#item-name").fill("Broken checklist");
    await page.locator("#checklist-task-0-completion").selectOption("url");
    await save(page);
    await expect.poll(() => invalid(page, "checklist-task-0-pattern")).toBe("true");
    expect(await describedBy(page, "checklist-task-0-pattern")).not.toBe("");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("builds a survey with an audience, activates it; a visitor answers and the results show the answer", async () => {
    const page = await adminPage();
    await openNew(page, "surveys");
    await page.locator("#item-name").fill("Studio survey");
    await page.locator("#item-status").selectOption("active");
    await page.locator("#item-trigger").selectOption("event");
    await page.locator("#item-trigger-name").fill("e2e_studio_survey");
    await page.locator("#survey-question-0-title").fill("How likely are you to recommend the studio?");
    await page.locator("#survey-question-0-required").check();
    await page.locator("#survey-new-question-type").selectOption("single_choice");
    await page.getByRole("button", { name: "Add a question" }).click();
    await page.locator("#survey-question-1-title").fill("Which part did you use?");
    await page.locator("#survey-question-1-option-0").fill("Tours");
    await page.locator("#survey-question-1-option-1").fill("Surveys");
    await page.locator("#survey-thank-you").fill("Thanks from the studio.");
    // Audience: anonymous visitors on the demo site's pages, with the server's estimate.
    await page.getByRole("button", { name: "Add a condition", exact: true }).click();
    await page.locator("#audience-0-url").fill(`${site.url}/*`);
    await page.getByRole("button", { name: "Add a condition", exact: true }).click();
    await page.locator("#audience-1-kind").selectOption("identified");
    await page.locator("#audience-1-identified").selectOption("no");
    await expect.poll(() => page.locator(".audience-estimate").innerText(), { timeout: 15_000 }).toMatch(/^≈ \d+ of \d+ recent visitors match/);
    expect(await axeViolations(page)).toEqual([]);
    await save(page);
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 15_000 }).toMatch(/^#\/engagement\/surveys\/(?!new)/);
    const surveyId = decodeURIComponent((await page.evaluate(() => location.hash)).split("/")[3] ?? "");

    const visitor = await openDemoVisitor(browser, stack, `${site.url}/basic.html`);
    visitors.push(visitor);
    await visitor.page.waitForFunction(() => typeof (window as unknown as { OpencomWidget?: { getVisitorId?(): unknown } }).OpencomWidget?.getVisitorId?.() === "string");
    await visitor.page.evaluate(() => (window as unknown as { OpencomWidget: { trackEvent(name: string): void } }).OpencomWidget.trackEvent("e2e_studio_survey"));
    const first = visitor.page.getByRole("dialog", { name: /How likely are you to recommend the studio/ });
    await shows(first, 20_000);
    await first.getByText("9", { exact: true }).click();
    await first.getByRole("button", { name: "Next" }).click();
    const second = visitor.page.getByRole("dialog", { name: /Which part did you use/ });
    await second.getByRole("radio", { name: "Surveys" }).check();
    await second.getByRole("button", { name: "Submit" }).click();
    await shows(visitor.page.getByText("Thanks from the studio."));

    const { data } = await stack.agent.request<{ data: Array<{ answers: unknown }> }>("GET", `/surveys/${surveyId}/responses`);
    expect(data[0]?.answers).toEqual([
      { questionId: "q1", value: 9 },
      { questionId: "q2", value: "Surveys" },
    ]);
    // The survey's page counts it live: the second question's distribution shows the answer.
    const distribution = page.getByRole("img", { name: /^Answers to question 2\./ });
    await expect.poll(() => distribution.getAttribute("aria-label"), { timeout: 15_000 }).toMatch(/Surveys: 1\b/);
    expect(await page.getByRole("img", { name: /^Answers to question 1\./ }).getAttribute("aria-label")).toMatch(/9: 1\b/);
  });

  it("saves CSAT settings from the CSAT tab and names a bad field", async () => {
    const page = await adminPage();
    await page.goto(`${inbox.url}/#/engagement/csat`);
    await shows(page.getByRole("heading", { name: "Satisfaction ratings (CSAT)" }), 20_000);
    await page.getByLabel("Question").fill("How did we do?");
    await page.locator("#csat-offer-days").fill("45");
    await page.getByRole("button", { name: "Save CSAT settings" }).click();
    await expect.poll(() => invalid(page, "csat-offer-days")).toBe("true");
    expect(await describedBy(page, "csat-offer-days")).toContain("1 to 30");
    expect(await axeViolations(page)).toEqual([]);
    await page.locator("#csat-offer-days").fill("3");
    await page.getByRole("button", { name: "Save CSAT settings" }).click();
    await shows(page.getByText("Saved."));
    // Beside the settings, the ratings over time (the demo seed has some).
    await shows(page.getByRole("heading", { name: "Satisfaction (CSAT)" }));
    expect(await axeViolations(page)).toEqual([]);
    expect(admin?.pageErrors).toEqual([]);
  });
});

// The composer's emoji picker and the team's faces on Home, in Chromium on a page with a strict
// CSP and Trusted Types: the picker loads only when opened, from the widget's own files (no
// third-party request), is keyboard-driven and axe-clean, and inserts at the caret; an operator
// who sets an avatar in the inbox appears on Home for new visitors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { serveStatic, type StaticSite } from "../support/static-server";
import { axeViolations, callWidget, openMessenger, quietEngagement, shows } from "./support/messenger";
import { openVisitor, type VisitorPage } from "./support/page";
import { buildInbox } from "./support/operator";
import { startStack, type Stack } from "./support/stack";

/** A 2×2 PNG, a real image the browser decodes. */
const AVATAR_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGOQ9bsBRAwQCgAgdgUNo98pLgAAAABJRU5ErkJggg==",
  "base64",
);

let stack: Stack;
let browser: Browser;
let inbox: StaticSite;
const opened: VisitorPage[] = [];

beforeAll(async () => {
  const [started, launched, inboxDir] = await Promise.all([
    startStack(),
    launchChromium(),
    buildInbox(),
  ]);
  stack = started;
  browser = launched;
  inbox = await serveStatic([inboxDir], { CONVEX_URL: stack.demo.convexUrl, WIDGET_URL: `${stack.site.url}/widget.js` });
  await quietEngagement(stack);
  const convex = new URL(stack.demo.convexUrl);
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    // Avatars come from the deployment's file URL (the site URL).
    `img-src 'self' data: ${new URL(stack.demo.siteUrl).origin}`,
    `connect-src 'self' ${convex.origin} ws://${convex.host}`,
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join("; ");
  stack.site.setHeaders("/security-csp.html", { "content-security-policy": policy });
}, 120_000);

afterAll(async () => {
  await Promise.all(opened.map((visitor) => visitor.context.close()));
  await browser?.close();
  await inbox?.close();
  await stack?.close();
});

/** A visitor on the strict-CSP page, with every URL the page requests recorded. */
async function visit(): Promise<VisitorPage & { requests: string[] }> {
  const visitor = await openVisitor(browser, "about:blank");
  opened.push(visitor);
  const requests: string[] = [];
  visitor.page.on("request", (request) => requests.push(request.url()));
  await visitor.page.goto(`${stack.site.url}/security-csp.html`);
  return { ...visitor, requests };
}

const composer = (page: Page) => page.getByRole("textbox", { name: "Message" });
const emojiButton = (page: Page, name = "Insert emoji") => page.getByRole("button", { name });
const picker = (page: Page, name = "Emoji") => page.getByRole("dialog", { name, exact: true });
const isFocused = (locator: Locator) => locator.evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement === element);
const focusedText = (dialog: Locator) => dialog.locator("[role=option][aria-selected=true]").innerText();

async function openComposer(page: Page): Promise<void> {
  await openMessenger(page);
  await page.getByRole("button", { name: /new conversation/i }).first().click();
  await shows(composer(page));
}

describe("the composer's emoji picker", () => {
  it("loads its chunk only when opened, inserts at the caret by keyboard and by search, and sends", async () => {
    const visitor = await visit();
    const { page, requests } = visitor;
    await openComposer(page);
    const runtimeFiles = () => requests.filter((url) => url.includes("/runtime/"));
    const beforePicker = runtimeFiles().length;
    expect(runtimeFiles().some((url) => /\/picker-[\w-]+\.js$/.test(url))).toBe(false);

    await composer(page).fill("Hi there");
    await composer(page).evaluate((field: HTMLTextAreaElement) => field.setSelectionRange(2, 2));
    await emojiButton(page).click();
    await shows(picker(page));
    expect(await emojiButton(page).getAttribute("aria-expanded")).toBe("true");
    const pickerFiles = runtimeFiles().slice(beforePicker);
    expect(pickerFiles.some((url) => /\/picker-[\w-]+\.js$/.test(url))).toBe(true);
    expect(await isFocused(picker(page).getByRole("searchbox", { name: "Search emoji" }))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.keyboard.press("ArrowDown");
    expect(await focusedText(picker(page))).toBe("😀");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect.poll(() => picker(page).count()).toBe(0);
    expect(await composer(page).inputValue()).toBe("Hi😃 there");
    // The caret sits after the emoji: typing goes on from there.
    await page.keyboard.type("!");
    expect(await composer(page).inputValue()).toBe("Hi😃! there");

    await emojiButton(page).click();
    await page.keyboard.type("red heart");
    await shows(picker(page).getByRole("listbox", { name: "Search results" }));
    await expect.poll(() => picker(page).getByRole("option").first().innerText()).toBe("❤️");
    // The search words are their own chunk, fetched on the first search.
    expect(requests.some((url) => /\/search-en-[\w-]+\.js$/.test(url))).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => composer(page).inputValue()).toBe("Hi😃!❤️ there");

    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect.poll(() => page.getByRole("log").innerText(), { timeout: 10_000 }).toContain("Hi😃!❤️ there");
    const conversation = await stack.agent.conversationWith("Hi😃!❤️ there");
    expect(conversation.lastMessagePreview).toContain("❤️");

    // Nothing came from anywhere but the page's site and the deployment: no emoji CDN.
    const allowed = new Set([new URL(stack.site.url).origin, new URL(stack.demo.convexUrl).origin, new URL(stack.demo.siteUrl).origin]);
    const foreign = requests.filter((url) => /^https?:/.test(url) && !allowed.has(new URL(url).origin));
    expect(foreign).toEqual([]);
    expect(await visitor.cspViolations()).toEqual([]);
    expect(visitor.pageErrors).toEqual([]);
  });

  it("closes on Escape, handing focus back to its button with the messenger still open", async () => {
    const { page } = await visit();
    await openComposer(page);
    await emojiButton(page).click();
    await shows(picker(page));
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Escape");
    await expect.poll(() => picker(page).count()).toBe(0);
    expect(await isFocused(emojiButton(page))).toBe(true);
    expect(await emojiButton(page).getAttribute("aria-expanded")).toBe("false");
    await shows(composer(page));
  });

  it("speaks Arabic right to left: translated names, arrows mirrored", async () => {
    const visitor = await visit();
    const { page } = visitor;
    await callWidget(page, "setLocale", "ar");
    await page.getByRole("button", { name: "فتح المحادثة" }).or(page.getByRole("button", { name: "Open messenger" })).first().click();
    await page.getByRole("button", { name: "محادثة جديدة" }).first().click();
    await emojiButton(page, "إدراج رمز تعبيري").click();
    const dialog = picker(page, "الرموز التعبيرية");
    await shows(dialog);
    expect(await dialog.evaluate((element) => getComputedStyle(element).direction)).toBe("rtl");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowLeft");
    expect(await focusedText(dialog)).toBe("😃");
    expect(await axeViolations(page)).toEqual([]);
    expect(await visitor.cspViolations()).toEqual([]);
  });
});

describe("the team on Home", () => {
  it("shows an operator's avatar, set in the inbox, to new visitors, with their name as text", async () => {
    const operator = (stack.demo as unknown as { operators: Array<{ email: string; password: string; role: string }> }).operators.find((o) => o.role === "agent")!;
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${inbox.url}/#/settings/account`);
    await page.getByRole("textbox", { name: "Email" }).fill(operator.email);
    await page.getByLabel("Password").fill(operator.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await shows(page.getByRole("heading", { name: "Your avatar" }), 20_000);
    // Not an image: refused at the field, nothing changes.
    await page.getByLabel("Avatar image").setInputFiles({ name: "notes.txt", mimeType: "image/png", buffer: Buffer.from("just text") });
    await shows(page.getByRole("alert").filter({ hasText: /PNG|image/ }));
    await page.getByLabel("Avatar image").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: AVATAR_PNG });
    await shows(page.getByRole("img", { name: "Alan Agent's avatar" }), 15_000);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();

    const visitor = await visit();
    await openMessenger(visitor.page);
    const team = visitor.page.getByRole("list", { name: "Our team" });
    await shows(team);
    expect(await team.getByRole("listitem").first().innerText()).toContain("Alan Agent");
    const photo = team.locator("img").first();
    await expect.poll(() => photo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth), { timeout: 10_000 }).toBe(2);
    expect(await photo.getAttribute("src")).toMatch(new RegExp(`^${new URL(stack.demo.siteUrl).origin}/widget/files/`));
    expect(await axeViolations(visitor.page)).toEqual([]);
    expect(await visitor.cspViolations()).toEqual([]);
  });
});

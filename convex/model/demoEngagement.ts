import type { Id } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";

/**
 * The demo workspace's engagement content (seed:demo). Anchors use
 * `data-tour` attributes that the demo page carries:
 *   [data-tour="dashboard-chart"], [data-tour="invite-button"],
 *   [data-tour="settings-link"], [data-tour="export-button"].
 * Checklist tasks complete on the events `$message_sent` and
 * `report_exported`, on visiting a URL containing "settings", and by hand.
 */

export const DEMO_SELECTORS = {
  dashboardChart: '[data-tour="dashboard-chart"]',
  inviteButton: '[data-tour="invite-button"]',
  settingsLink: '[data-tour="settings-link"]',
  exportButton: '[data-tour="export-button"]',
} as const;

export const DEMO_EVENTS = { messageSent: "$message_sent", reportExported: "report_exported" } as const;

export async function insertDemoEngagement(db: DatabaseWriter, workspaceId: Id<"workspaces">, now: number) {
  const base = { workspaceId, createdAt: now, updatedAt: now };
  const pointer = { kind: "pointer" as const, waitForElementMs: 3000, onMissing: "skip" as const };

  await db.insert("tours", {
    ...base,
    name: "Welcome tour",
    description: "A 20-second look around the dashboard.",
    status: "active",
    trigger: { type: "page_load" },
    frequency: { type: "once" },
    priority: 10,
    steps: [
      { kind: "modal", title: "Welcome to the demo 👋", body: "This short tour shows you around. It takes 20 seconds." },
      {
        ...pointer,
        selector: DEMO_SELECTORS.dashboardChart,
        placement: "bottom",
        title: "Your numbers",
        body: "The chart sums up this week's activity.",
      },
      {
        ...pointer,
        selector: DEMO_SELECTORS.inviteButton,
        placement: "left",
        title: "Invite your team",
        body: "Work is better together: add a teammate here.",
      },
      {
        ...pointer,
        selector: DEMO_SELECTORS.settingsLink,
        placement: "right",
        title: "Make it yours",
        body: "Notifications, branding and more live in Settings.",
      },
    ],
  });

  // Not served (draft): shows that only active content reaches visitors.
  await db.insert("tours", {
    ...base,
    name: "Reports deep dive",
    status: "draft",
    trigger: { type: "page_load" },
    frequency: { type: "once" },
    steps: [{ kind: "modal", title: "Reports", body: "Coming soon." }],
  });

  await db.insert("tooltips", {
    ...base,
    name: "Export hint",
    status: "active",
    trigger: { type: "page_load" },
    frequency: { type: "until_completed" },
    selector: DEMO_SELECTORS.exportButton,
    placement: "top",
    title: "Export your data",
    body: "Download this report as CSV, ready for your spreadsheet.",
  });

  await db.insert("outboundMessages", {
    ...base,
    name: "What's new banner",
    status: "active",
    trigger: { type: "page_load" },
    frequency: { type: "until_completed" },
    type: "banner",
    bannerPosition: "top",
    dismissible: true,
    body: "New: export any report as CSV.",
    buttons: [{ label: "Ask us about it", action: "open_messenger" }],
  });

  await db.insert("surveys", {
    ...base,
    name: "NPS",
    status: "active",
    trigger: { type: "time_on_page", seconds: 30 },
    frequency: { type: "every", days: 90 },
    format: "small",
    thankYou: "Thanks for your feedback!",
    questions: [
      { id: "nps", type: "nps", title: "How likely are you to recommend us to a friend or colleague?", required: true },
      { id: "reason", type: "short_text", title: "What is the main reason for your score?", required: false },
    ],
  });

  await db.insert("checklists", {
    ...base,
    name: "Get started",
    description: "Four small steps to get the most out of the demo.",
    status: "active",
    tasks: [
      {
        id: "send-message",
        title: "Send your first message",
        completion: { type: "event", event: DEMO_EVENTS.messageSent },
      },
      {
        id: "export-report",
        title: "Export a report",
        completion: { type: "event", event: DEMO_EVENTS.reportExported },
      },
      { id: "open-settings", title: "Open the settings", completion: { type: "url", pattern: "*settings*" } },
      { id: "invite-teammate", title: "Invite a teammate", completion: { type: "manual" } },
    ],
  });
}

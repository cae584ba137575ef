import type { Id } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";
import type { MessengerTab } from "../lib/validators";

/**
 * The demo workspace's messenger (seed:demo): every tab on for everyone, office
 * hours in Paris, a help center (two collections, five published articles and
 * a draft) and a ticket form.
 */

export const DEMO_TABS: MessengerTab[] = [
  { id: "home", enabled: true, visibleTo: "all" },
  { id: "messages", enabled: true, visibleTo: "all" },
  { id: "help", enabled: true, visibleTo: "all" },
  { id: "tours", enabled: true, visibleTo: "all" },
  { id: "tasks", enabled: true, visibleTo: "all" },
  { id: "tickets", enabled: true, visibleTo: "all" },
];

const WEEKDAYS = [1, 2, 3, 4, 5];

type DemoArticle = { title: string; body: string; status?: "draft" };

function demoArticles(demoSiteUrl: string): Array<{ collection: string; description: string; articles: DemoArticle[] }> {
  return [
    {
      collection: "Getting started",
      description: "Install the widget and find your way around.",
      articles: [
        {
          title: "Install the widget",
          body: [
            "Paste **one script tag** before `</body>` on every page where the messenger should appear.",
            "",
            `![The Opencom logo](${demoSiteUrl}/favicon.svg)`,
            "",
            "1. Copy the snippet from your workspace settings.",
            "2. Paste it into your site's layout.",
            "3. Reload: the launcher appears in the corner.",
            "",
            "See the [JavaScript API](https://github.com/) for everything you can drive from code.",
          ].join("\n"),
        },
        {
          title: "Invite your team",
          body: "Teammates answer conversations in the operator inbox. Invite them from **Settings → Members**: each gets an invite link to join with.",
        },
        {
          title: "Customise the messenger",
          body: "Pick a primary colour, a light, dark or system theme, the greeting and which tabs visitors see. Changes reach visitors on their next page load.",
        },
      ],
    },
    {
      collection: "Billing and plans",
      description: "Plans, invoices and payment methods.",
      articles: [
        {
          title: "Change your plan",
          body: "Open **Billing**, choose a plan and confirm. Upgrades apply at once; downgrades at the end of the billing period.",
        },
        {
          title: "Download invoices",
          body: "Every invoice is under **Billing → Invoices** as a PDF. Invoices are also emailed to the billing contact.",
        },
        { title: "Single sign-on (coming soon)", body: "SSO with SAML is on the way.", status: "draft" },
      ],
    },
  ];
}

export async function insertDemoMessenger(db: DatabaseWriter, workspaceId: Id<"workspaces">, now: number, demoSiteUrl: string) {
  const workspace = await db.get(workspaceId);
  if (workspace === null) throw new Error("Demo workspace missing");
  await db.patch(workspaceId, {
    messenger: {
      ...workspace.messenger,
      tabs: DEMO_TABS,
      theme: "system",
      officeHours: { timeZone: "Europe/Paris", intervals: WEEKDAYS.map((day) => ({ day, open: "09:00", close: "18:00" })) },
      replyTime: "hours",
      offlineMessage: "We're away right now. Leave a message and we'll reply by email as soon as we're back.",
      homeCards: [{ title: "What's new", body: "Tickets, a help center and a messenger in five languages.", url: "https://github.com/" }],
    },
  });

  const base = { workspaceId, createdAt: now, updatedAt: now };
  for (const [collectionOrder, group] of demoArticles(demoSiteUrl).entries()) {
    const collectionId = await db.insert("articleCollections", {
      ...base,
      name: group.collection,
      description: group.description,
      order: collectionOrder,
    });
    for (const [order, article] of group.articles.entries()) {
      await db.insert("articles", { ...base, collectionId, order, title: article.title, body: article.body, status: article.status ?? "published" });
    }
  }

  await db.insert("ticketForms", {
    workspaceId,
    updatedAt: now,
    fields: [
      { id: "category", label: "Category", type: "select", required: true, options: ["Bug", "Billing", "Feature request"] },
      { id: "description", label: "What happened?", type: "textarea", required: true },
      { id: "email", label: "Email for updates", type: "email", required: false },
    ],
  });
}

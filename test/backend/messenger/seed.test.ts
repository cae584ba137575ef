import { expect, test } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import { newBackend } from "../helpers";

test("seed:demo gives the demo workspace every tab, office hours, a help center and a ticket form", async () => {
  const t = newBackend();
  await t.action(internal.seed.demo, {});
  const visitor = await t.action(api.widgetSessions.boot, { workspaceId: "demo", sessionId: "seed-visitor", origin: "http://127.0.0.1:5173" });
  expect(visitor.settings.tabs.map((tab) => tab.id)).toEqual(["home", "messages", "help", "tours", "tasks", "tickets"]);
  expect(visitor.settings.tabs.every((tab) => tab.enabled && tab.visibleTo === "all")).toBe(true);
  expect(visitor.settings.officeHours).toMatchObject({ timeZone: "Europe/Paris" });
  expect(visitor.settings.officeHours?.intervals).toHaveLength(5);
  expect(visitor.settings.theme).toBe("system");

  const sessionToken = visitor.sessionToken;
  const collections = await t.query(api.articles.listCollections, { sessionToken });
  expect(collections).toHaveLength(2);
  expect(collections.flatMap((collection) => collection.articles)).toHaveLength(5);
  const hits = await t.query(api.articles.search, { sessionToken, query: "invoices" });
  expect(hits[0]?.title).toBe("Download invoices");
  const form = await t.query(api.tickets.getForm, { sessionToken });
  expect(form.fields.map((field) => field.id)).toEqual(["category", "description", "email"]);
});

import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { bootVisitor } from "../helpers";
import { callChecked, restBackend } from "./support";

/*
 * Real answers of every route family checked against the schemas their
 * declarations document (and the OpenAPI document publishes), so the
 * documented shapes stay true.
 */

async function withConversation() {
  const { t } = await restBackend();
  const alice = await bootVisitor(t, "visitor-alice");
  const sent = await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "Hello?", clientMessageId: "a-1" });
  return { t, alice, conversationId: sent.conversationId };
}

describe("answers match their declared schemas", () => {
  test("conversations, activity and workspace security", async () => {
    const { t, conversationId } = await withConversation();
    const base = `/api/v1/conversations/${conversationId}`;
    expect((await callChecked(t, "GET", "/api/v1/conversations?status=open")).data).toHaveLength(1);
    expect((await callChecked(t, "POST", `${base}/messages`, { text: "On it", authorName: "Sam" })).status).toBe(201);
    expect((await callChecked(t, "GET", `${base}/messages`)).data).toHaveLength(2);
    await callChecked(t, "POST", `${base}/typing`);
    expect((await callChecked(t, "POST", `${base}/read`)).data.readByAgentAt).toEqual(expect.any(Number));
    expect((await callChecked(t, "GET", `${base}/activity`)).data.readByAgentAt).toEqual(expect.any(Number));
    expect((await callChecked(t, "POST", `${base}/close`)).data.status).toBe("closed");

    await callChecked(t, "GET", "/api/v1/workspace/security");
    await callChecked(t, "PATCH", "/api/v1/workspace/security", { sessionLifetimeHours: 48, identityVerification: { mode: "optional" } });
    const rotated = await callChecked(t, "POST", "/api/v1/workspace/security/rotate-secret", { gracePeriodHours: 1 });
    expect(rotated.data.previousSecretExpiresAt).toEqual(expect.any(Number));
  });

  test("engagement content, survey responses, progress and authoring tokens", async () => {
    const { t, alice } = await withConversation();
    const bodies: Record<string, Record<string, unknown>> = {
      tours: { name: "Intro", status: "active", steps: [{ kind: "modal", title: "Hi", body: "Welcome." }] },
      tooltips: { name: "Tip", selector: "#export", body: "Export as CSV", showOn: "hover" },
      "outbound-messages": { name: "Promo", type: "post", body: "News", buttons: [{ label: "Go", action: "url", url: "https://a.test/" }] },
      surveys: {
        name: "NPS",
        status: "active",
        format: "small",
        questions: [{ id: "nps", type: "nps", title: "Recommend us?", required: true }],
        startsAt: 1,
        audience: { all: [{ identified: false }] },
      },
      checklists: { name: "Setup", status: "active", tasks: [{ id: "t1", title: "Do it", completion: { type: "manual" } }] },
    };
    const ids: Record<string, string> = {};
    for (const [resource, body] of Object.entries(bodies)) {
      const created = await callChecked(t, "POST", `/api/v1/${resource}`, body);
      ids[resource] = created.data.id;
      await callChecked(t, "GET", `/api/v1/${resource}?limit=10`);
      await callChecked(t, "PATCH", `/api/v1/${resource}/${created.data.id}`, { name: `${body["name"]} 2`, priority: 2 });
      await callChecked(t, "GET", `/api/v1/${resource}/${created.data.id}`);
    }
    const session = { sessionToken: alice.sessionToken };
    await t.mutation(api.surveys.submitResponse, { ...session, surveyId: ids["surveys"]!, answers: { nps: 9 } });
    expect((await callChecked(t, "GET", `/api/v1/surveys/${ids["surveys"]}/responses`)).data).toHaveLength(1);
    await t.mutation(api.tours.recordProgress, { ...session, tourId: ids["tours"]!, stepIndex: 0, status: "completed" });
    await t.mutation(api.checklists.completeTask, { ...session, checklistId: ids["checklists"]!, taskId: "t1" });
    const progress = await callChecked(t, "GET", `/api/v1/visitors/${alice.visitorId}/progress`);
    expect([progress.data.tours.length, progress.data.checklists.length]).toEqual([1, 1]);
    const token = await callChecked(t, "POST", "/api/v1/authoring-tokens", {
      target: { type: "tooltip", tooltipId: ids["tooltips"] },
      pageUrl: "https://shop.example.com/",
    });
    expect(token.data.url).toContain("https://shop.example.com/");
    for (const [resource, id] of Object.entries(ids)) await callChecked(t, "DELETE", `/api/v1/${resource}/${id}`);
  });

  test("help center, tickets and messenger settings", async () => {
    const { t, alice } = await withConversation();
    const collection = await callChecked(t, "POST", "/api/v1/collections", { name: "Billing", description: "Money" });
    await callChecked(t, "PATCH", `/api/v1/collections/${collection.data.id}`, { description: null });
    await callChecked(t, "GET", `/api/v1/collections/${collection.data.id}`);
    await callChecked(t, "GET", "/api/v1/collections");
    const article = await callChecked(t, "POST", "/api/v1/articles", { title: "Refunds", body: "**Yes**", collectionId: collection.data.id });
    await callChecked(t, "PATCH", `/api/v1/articles/${article.data.id}`, { status: "published" });
    await callChecked(t, "GET", `/api/v1/articles/${article.data.id}`);
    expect((await callChecked(t, "GET", `/api/v1/articles?collectionId=${collection.data.id}`)).data).toHaveLength(1);
    await callChecked(t, "DELETE", `/api/v1/articles/${article.data.id}`);
    await callChecked(t, "DELETE", `/api/v1/collections/${collection.data.id}`);

    await callChecked(t, "GET", "/api/v1/ticket-form");
    await callChecked(t, "PUT", "/api/v1/ticket-form", {
      fields: [
        { id: "topic", label: "Topic", type: "select", options: ["Bug", "Billing"], required: true },
        { id: "details", label: "Details", type: "textarea" },
      ],
    });
    await t.mutation(api.tickets.create, { sessionToken: alice.sessionToken, title: "Broken", fields: { topic: "Bug", details: "It fails" } });
    const [ticket] = (await callChecked(t, "GET", "/api/v1/tickets")).data;
    await callChecked(t, "PATCH", `/api/v1/tickets/${ticket.id}`, { state: "in_progress", note: "Looking" });
    expect((await callChecked(t, "GET", `/api/v1/tickets/${ticket.id}`)).data.history).toHaveLength(2);

    await callChecked(t, "GET", "/api/v1/workspace/messenger");
    await callChecked(t, "PATCH", "/api/v1/workspace/messenger", {
      officeHours: { timeZone: "Europe/Paris", intervals: [{ day: 1, open: "09:00", close: "17:00" }] },
      homeCards: [{ title: "Docs", url: "https://docs.example.com/" }],
      offlineMessage: "Back soon",
      defaultTab: "help",
    });
  });
});

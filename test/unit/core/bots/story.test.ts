import { describe, expect, test } from "vitest";
import { validateStory } from "../../../../core/bots";

const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";
const C = "33333333-3333-4333-8333-333333333333";
const D = "44444444-4444-4444-8444-444444444444";

const story = (nodes: unknown[], startNodeId = A) => ({ name: "Support", startNodeId, nodes });
const question = { id: A, name: "Ask", type: "QUESTION", text: "Your order number?", attribute: "order", next: B };
const webhook = { id: B, name: "Look up", type: "WEBHOOK", webhookId: "k57abc", routes: [{ if: { attribute: "vip", equals: "yes" }, next: D }], next: C };
const thanks = { id: C, name: "Thanks", type: "RESPONSES", responses: [{ type: "text", message: "Thanks!" }] };
const handoff = { id: D, name: "To a person", type: "HANDOFF" };

describe("stories", () => {
  test("a story whose links all land and whose nodes are all reached is valid", () => {
    expect(validateStory(story([question, webhook, thanks, handoff]))).toMatchObject({ ok: true });
  });

  test("a next that points nowhere names the node and field", () => {
    const checked = validateStory(story([question, { ...webhook, next: "55555555-5555-4555-8555-555555555555" }, thanks, handoff]));
    expect(checked).toMatchObject({ ok: false, path: "nodes[1].next" });
    if (!checked.ok) expect(checked.message).toContain('"Look up"');
  });

  test("a route and a goto button that point nowhere are named", () => {
    const badRoute = { ...webhook, routes: [{ if: { attribute: "vip", equals: "yes" }, next: "55555555-5555-4555-8555-555555555555" }] };
    expect(validateStory(story([question, badRoute, thanks, handoff]))).toMatchObject({ ok: false, path: "nodes[1].routes[0].next" });
    const gotoNowhere = {
      ...thanks,
      responses: [{ type: "quickReplies", title: "More?", buttons: [{ type: "goto", title: "Again", value: "55555555-5555-4555-8555-555555555555" }] }],
    };
    expect(validateStory(story([question, webhook, gotoNowhere, handoff]))).toMatchObject({ ok: false, path: "nodes[2].responses[0].buttons[0].value" });
  });

  test("an unreachable node is named", () => {
    const checked = validateStory(story([question, { ...webhook, routes: [] }, thanks, handoff]));
    expect(checked).toMatchObject({ ok: false, path: "nodes[3]" });
  });

  test("the start node must exist; ids are UUID v4 and unique", () => {
    expect(validateStory(story([handoff], B))).toMatchObject({ ok: false, path: "startNodeId" });
    expect(validateStory(story([{ ...handoff, id: "not-a-uuid" }], "not-a-uuid"))).toMatchObject({ ok: false, path: "nodes[0].id" });
    expect(validateStory(story([{ ...thanks, id: A, next: A }, { ...handoff, id: A }]))).toMatchObject({ ok: false, path: "nodes[1].id" });
  });

  test("node fields are checked with their paths", () => {
    expect(validateStory(story([{ ...question, attribute: "order number", next: undefined }]))).toMatchObject({ ok: false, path: "nodes[0].attribute" });
    expect(validateStory(story([{ ...thanks, id: A, responses: [{ type: "text", message: "" }] }]))).toMatchObject({
      ok: false,
      path: "nodes[0].responses[0].message",
    });
    expect(validateStory(story([{ ...handoff, id: A, next: B }]))).toMatchObject({ ok: false, path: "nodes[0].next" });
    expect(validateStory({ name: "", startNodeId: A, nodes: [] })).toMatchObject({ ok: false, path: "name" });
  });
});

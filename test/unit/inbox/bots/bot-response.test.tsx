import { render } from "preact";
import { describe, expect, test } from "vitest";
import { BotResponseView } from "../../../../inbox/src/chats/bot-response";
import { storyProblem } from "../../../../inbox/src/settings/bots/story-editor";
import { freshContainer } from "../../../support/dom-container";

let container: HTMLElement;
freshContainer((element) => (container = element));

describe("a bot's message in the inbox", () => {
  test("cards and buttons are listed as the visitor saw them, with what each button did", () => {
    const response = {
      type: "cards",
      delay: 100,
      elements: [
        { title: "Parcel 1", subtitle: "In transit", imageUrl: "https://x.test/1.png", buttons: [{ type: "url", title: "Track", value: "https://x.test/t" }] },
        { title: "Parcel 2", subtitle: "Delivered", imageUrl: "https://x.test/2.png", buttons: [{ type: "phone", title: "Call", value: "+15555550100" }] },
      ],
    };
    render(<BotResponseView response={response} answered={false} />, container);
    const cards = container.querySelectorAll('[aria-label="Cards"] > li');
    expect([...cards].map((card) => card.querySelector("strong")?.textContent)).toEqual(["Parcel 1", "Parcel 2"]);
    expect(container.querySelector('a[href="https://x.test/t"]')?.getAttribute("rel")).toContain("noopener");
    expect(container.textContent).toContain("(call +15555550100)");
  });

  test("quick replies say when the visitor picked one; a broken response says so", () => {
    render(<BotResponseView response={{ type: "quickReplies", delay: 100, title: "Urgent?", buttons: [{ type: "postback", title: "Yes", value: "y" }] }} answered />, container);
    expect(container.textContent).toContain("The visitor picked one.");
    render(<BotResponseView response={{ type: "image", delay: 100, imageUrl: "javascript:alert(1)" }} answered={false} />, container);
    expect(container.textContent).toContain("could not be shown");
  });
});

describe("the story editor's check as you type", () => {
  test("names the JSON error, then the node and field, then accepts", () => {
    expect(storyProblem("{")).toMatch(/^Not JSON/);
    const start = "11111111-1111-4111-8111-111111111111";
    const node = { id: start, name: "Hi", type: "RESPONSES", responses: [{ type: "text", message: "Hi" }] };
    expect(storyProblem(JSON.stringify({ name: "S", startNodeId: start, nodes: [{ ...node, next: "22222222-2222-4222-8222-222222222222" }] }))).toContain("nodes[0].next");
    expect(storyProblem(JSON.stringify({ name: "S", startNodeId: start, nodes: [node] }))).toBeNull();
  });
});

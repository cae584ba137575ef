import { render } from "preact";
import { describe, expect, test, vi } from "vitest";
import { ConnectionForm, parseHeaderLines, type ConnectionValues } from "../../../../inbox/src/settings/bots/connection-form";
import { freshContainer } from "../../../support/dom-container";

let container: HTMLElement;
freshContainer((element) => (container = element));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const input = (name: string) => container.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)!;
const refusal = (field: string, message: string) => Object.assign(new Error(message), { data: { code: "INVALID_ARGUMENT", field, message } });

describe("a webhook connection's form in Settings → Bots", () => {
  test("sends every field the REST API takes, headers read one a line", async () => {
    const sent: ConnectionValues[] = [];
    render(<ConnectionForm stories={[{ id: "s1", name: "Greeting" }]} current={null} onSubmit={async (values) => void sent.push(values)} />, container);
    input("name").value = "Support bot";
    input("url").value = "https://bot.example.com/hook";
    input("token").value = "t0k";
    input("headers").value = "X-Team: support\n\nX-Env: prod";
    input("username").value = "bot";
    input("password").value = "pw";
    container.querySelector("form")!.requestSubmit();
    await flush();
    expect(sent).toEqual([
      { storyId: "s1", name: "Support bot", url: "https://bot.example.com/hook", token: "t0k", headers: { "X-Team": "support", "X-Env": "prod" }, auth: { username: "bot", password: "pw" } },
    ]);
  });

  test("the server's refusal shows at its field (the URL's challenge, auth.password under the password)", async () => {
    const submit = vi.fn<(values: ConnectionValues) => Promise<void>>().mockRejectedValueOnce(refusal("url", "The URL did not pass verification: no answer."));
    render(<ConnectionForm stories={[{ id: "s1", name: "Greeting" }]} current={null} onSubmit={submit} />, container);
    input("name").value = "Bot";
    input("url").value = "https://bot.example.com/";
    container.querySelector("form")!.requestSubmit();
    await flush();
    const url = input("url");
    expect(url.getAttribute("aria-invalid")).toBe("true");
    expect(container.querySelector(`#${url.getAttribute("aria-describedby")!.split(" ").at(-1)}`)?.textContent).toBe("The URL did not pass verification: no answer.");

    submit.mockRejectedValueOnce(refusal("auth.password", "auth.password must not be empty"));
    container.querySelector("form")!.requestSubmit();
    await flush();
    expect(input("password").getAttribute("aria-invalid")).toBe("true");
    expect(input("url").getAttribute("aria-invalid")).toBeNull();
  });

  test("a header line without a name is refused at the field before anything is sent", async () => {
    expect(parseHeaderLines("  \n")).toBeUndefined();
    expect(() => parseHeaderLines(": value")).toThrow(/Name: value/);
    const submit = vi.fn(async () => undefined);
    render(<ConnectionForm stories={[{ id: "s1", name: "Greeting" }]} current={null} onSubmit={submit} />, container);
    input("name").value = "Bot";
    input("url").value = "https://bot.example.com/";
    input("headers").value = "no colon here";
    container.querySelector("form")!.requestSubmit();
    await flush();
    expect(submit).not.toHaveBeenCalled();
    expect(input("headers").getAttribute("aria-invalid")).toBe("true");
  });

  test("editing starts from the stored fields; the story stays", () => {
    const current = {
      id: "c1", story: { id: "s1", name: "Greeting" }, name: "Bot", url: "https://bot.example.com/", error: null, createdAt: "", updatedAt: "",
      token: "t0k", headers: { "X-Team": "support" }, auth: { username: "bot", password: "pw" }, signingSecret: "whsec_x",
    };
    render(<ConnectionForm stories={[current.story]} current={current} onSubmit={async () => undefined} />, container);
    expect(container.querySelector('[name="storyId"]')).toBeNull();
    expect([input("name").value, input("token").value, input("headers").value, input("username").value]).toEqual(["Bot", "t0k", "X-Team: support", "bot"]);
  });
});

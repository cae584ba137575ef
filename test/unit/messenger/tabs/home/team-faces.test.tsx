import { render } from "preact";
import { act } from "preact/test-utils";
import { describe, expect, it } from "vitest";
import { messages as french } from "../../../../../src/i18n/fr";
import { I18nProvider } from "../../../../../src/messenger/panel/i18n";
import { parsePanelSettings } from "../../../../../src/messenger/panel-settings";
import { TeamFaces } from "../../../../../src/messenger/tabs/home/team-faces";
import { freshContainer } from "../../../../support/dom-container";

let container: HTMLElement;
freshContainer((element) => (container = element));

describe("the team on Home", () => {
  it("takes up to three faces from boot's settings, dropping a malformed list alone", () => {
    const team = [{ name: "Ada Lovelace", avatarUrl: "https://files.example/a" }, { name: "Grace" }, { name: "Linus" }, { name: "Fourth" }];
    expect(parsePanelSettings({ team, replyTime: "minutes" }).team).toEqual(team.slice(0, 3));
    const broken = parsePanelSettings({ team: [{ avatarUrl: 3 }], replyTime: "minutes" });
    expect(broken.team).toEqual([]);
    expect(broken.replyTime).toBe("minutes");
    expect(parsePanelSettings(undefined).team).toEqual([]);
  });

  it("lists their names as text, shows a photo when set and coloured initials otherwise", () => {
    act(() => render(<TeamFaces team={[{ name: "Ada Lovelace", avatarUrl: "https://files.example/a" }, { name: "Grace Hopper" }]} />, container));
    const list = container.querySelector("ul")!;
    expect(list.getAttribute("aria-label")).toBe("Our team");
    const items = [...list.querySelectorAll("li")];
    expect(items.map((item) => item.querySelector(".oc-visually-hidden")?.textContent)).toEqual(["Ada Lovelace", "Grace Hopper"]);
    expect(items[0]!.querySelector("img")?.getAttribute("src")).toBe("https://files.example/a");
    expect(items[0]!.querySelector(".oc-avatar")?.getAttribute("aria-hidden")).toBe("true");
    expect(items[1]!.querySelector("img")).toBeNull();
    expect(items[1]!.querySelector(".oc-avatar")?.textContent).toBe("GH");
    expect(items[1]!.className).toMatch(/^oc-team-face oc-tone-[0-5]$/);
  });

  it("shows nothing for an empty team, and speaks the visitor's language", () => {
    act(() => render(<TeamFaces team={[]} />, container));
    expect(container.innerHTML).toBe("");
    act(() =>
      render(
        <I18nProvider locale="fr" initial={{ locale: "fr", t: french }}>
          <TeamFaces team={[{ name: "Zoé" }]} />
        </I18nProvider>,
        container,
      ),
    );
    expect(container.querySelector("ul")?.getAttribute("aria-label")).toBe("Notre équipe");
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { watchCustomLaunchers } from "../../../src/messenger/custom-launcher";

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe("custom launcher", () => {
  it("opens from any matching element, also ones added later, and stops on cleanup", () => {
    const host = document.createElement("opencom-widget");
    document.body.append(host);
    const activated: string[] = [];
    const stop = watchCustomLaunchers(document, ".help-button", host, (element) => activated.push(element.id));
    const first = Object.assign(document.createElement("button"), { id: "first", className: "help-button" });
    document.body.append(first);
    first.click();
    const later = Object.assign(document.createElement("a"), { id: "later", className: "help-button", href: "#" });
    const icon = document.createElement("span");
    later.append(icon);
    document.body.append(later);
    icon.click(); // a click on a child counts
    document.body.click(); // elsewhere: nothing
    expect(activated).toEqual(["first", "later"]);
    stop();
    first.click();
    expect(activated).toHaveLength(2);
  });

  it("keeps working when the page stops propagation, and ignores clicks inside the widget", () => {
    const host = document.createElement("opencom-widget");
    const inside = Object.assign(document.createElement("button"), { className: "help-button" });
    host.append(inside);
    const button = Object.assign(document.createElement("button"), { className: "help-button" });
    button.addEventListener("click", (event) => event.stopPropagation());
    document.body.append(host, button);
    const onActivate = vi.fn();
    watchCustomLaunchers(document, ".help-button", host, onActivate);
    button.click();
    inside.click();
    expect(onActivate).toHaveBeenCalledTimes(1);
  });

  it("logs one clear error for an invalid selector", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const stop = watchCustomLaunchers(document, "button[", document.body, () => {});
    expect(String(error.mock.calls[0]?.[0])).toBe('[OpencomWidget] customLauncherSelector "button[" is not a valid CSS selector; no custom launcher is active');
    stop();
  });
});

import { describe, expect, it, vi } from "vitest";
import { createLauncher } from "../../../src/messenger/launcher";

describe("launcher", () => {
  it("is named Open messenger / Close messenger and reports its state", () => {
    const onToggle = vi.fn();
    const launcher = createLauncher(document, onToggle);
    const button = launcher.element;
    expect(button.getAttribute("aria-label")).toBe("Open messenger");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    launcher.update({ open: true, unread: 0, loading: false });
    expect(button.getAttribute("aria-label")).toBe("Close messenger");
    expect(button.getAttribute("aria-expanded")).toBe("true");
    button.click();
    expect(onToggle).toHaveBeenCalledTimes(1);
  });

  it("shows the unread count as a badge that describes the button, capped at 99+", () => {
    const launcher = createLauncher(document, () => {});
    const badge = launcher.element.querySelector<HTMLElement>(".oc-badge")!;
    expect(badge.hidden).toBe(true);
    launcher.update({ open: false, unread: 1, loading: false });
    expect(badge.hidden).toBe(false);
    expect(launcher.element.getAttribute("aria-describedby")).toBe(badge.id);
    expect(badge.querySelector(".oc-visually-hidden")?.textContent).toBe("1 unread message");
    launcher.update({ open: false, unread: 250, loading: false });
    expect(badge.querySelector("[aria-hidden]")?.textContent).toBe("99+");
    // The name never changes with the count: tests and assistive tech rely on it.
    expect(launcher.element.getAttribute("aria-label")).toBe("Open messenger");
    launcher.update({ open: true, unread: 250, loading: false });
    expect(badge.hidden).toBe(true);
    expect(launcher.element.hasAttribute("aria-describedby")).toBe(false);
  });

  it("shows a spinner while the panel's code downloads", () => {
    const launcher = createLauncher(document, () => {});
    const spinner = launcher.element.querySelector<HTMLElement>(".oc-spinner")!;
    expect(spinner.hidden).toBe(true);
    launcher.update({ open: true, unread: 0, loading: true });
    expect(spinner.hidden).toBe(false);
    expect(launcher.element.classList.contains("oc-loading")).toBe(true);
  });
});

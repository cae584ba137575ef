import { render } from "preact";
import { afterEach, beforeEach } from "vitest";

/**
 * Gives each test of the file a fresh element in the document to render into, and
 * unmounts and removes it after the test, so no component outlives its test.
 */
export function freshContainer(use: (element: HTMLElement) => void): void {
  let element: HTMLElement;
  beforeEach(() => {
    element = document.createElement("div");
    document.body.append(element);
    use(element);
  });
  afterEach(() => {
    render(null, element);
    element.remove();
  });
}

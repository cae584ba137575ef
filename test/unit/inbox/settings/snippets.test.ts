import { describe, expect, it } from "vitest";
import { readConfig } from "../../../../src/loader/read-config";
import { buildSnippets, escapeHtmlAttribute, jsString, widgetAttributes } from "../../../../inbox/src/settings/installation/snippets";

const values = { widgetUrl: "https://cdn.example.com/opencom/widget.js", convexUrl: "https://happy-otter-123.convex.cloud", workspaceId: "demo" };

function snippet(id: string, extra: Partial<Parameters<typeof buildSnippets>[0]> = {}): string {
  const found = buildSnippets({ ...values, ...extra }).find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no snippet ${id}`);
  return found.code;
}

/** Parses a snippet's <script src> tag as a browser would (in a document that loads nothing), and reads it as the loader does. */
function loaderConfigOf(html: string, settings?: unknown): Record<string, unknown> {
  const parsed = new DOMParser().parseFromString(html, "text/html");
  return readConfig(parsed.querySelector("script[src]"), settings);
}

describe("the installation snippets", () => {
  it("give the script tag the README's form with the workspace's values", () => {
    expect(snippet("script-tag")).toBe(
      [
        "<script",
        '  src="https://cdn.example.com/opencom/widget.js"',
        '  data-opencom-convex-url="https://happy-otter-123.convex.cloud"',
        '  data-opencom-workspace-id="demo"',
        "  async",
        "></script>",
      ].join("\n"),
    );
    expect(loaderConfigOf(snippet("script-tag"))).toEqual({ convexUrl: values.convexUrl, workspaceId: "demo" });
  });

  it("carry the onboarding token under its current attribute name, and the installation label, while a check runs", () => {
    const html = snippet("script-tag", { verificationToken: "ocv_abc", clientIdentifier: " Marketing site " });
    expect(html).toContain('data-opencom-onboarding-verification-token="ocv_abc"');
    expect(html).not.toContain("data-opencom-verification-token");
    expect(loaderConfigOf(html)).toMatchObject({ onboardingVerificationToken: "ocv_abc", clientIdentifier: "Marketing site" });
    for (const id of ["settings", "nextjs", "consent"]) expect(snippet(id, { verificationToken: "ocv_abc" })).toContain("ocv_abc");
    expect(widgetAttributes({ ...values, verificationToken: "  ", clientIdentifier: "" })).toHaveLength(2);
  });

  it("set window.opencomSettings with the loader's own keys", () => {
    const code = snippet("settings", { verificationToken: "ocv_abc", clientIdentifier: "Shop" });
    const body = /window\.opencomSettings = (\{[\s\S]*?\});/.exec(code)?.[1];
    const settings = new Function(`return ${body}`)() as Record<string, unknown>;
    expect(settings).toEqual({ convexUrl: values.convexUrl, workspaceId: "demo", onboardingVerificationToken: "ocv_abc", clientIdentifier: "Shop" });
    expect(loaderConfigOf(code, settings)).toEqual(settings);
  });

  it("use next/script in the root layout and inject the tag only on consent", () => {
    const next = snippet("nextjs");
    expect(next).toContain('import Script from "next/script";');
    expect(next).toContain('strategy="afterInteractive"');
    expect(next).toContain('data-opencom-workspace-id="demo"');
    const consent = snippet("consent", { clientIdentifier: "Shop" });
    expect(consent).toContain('script.dataset.opencomConvexUrl = "https://happy-otter-123.convex.cloud";');
    expect(consent).toContain('script.dataset.opencomClientIdentifier = "Shop";');
    // Run it: nothing is added until it is called, then exactly one tag, and never twice.
    const page = document.implementation.createHTMLDocument("consent");
    const load = new Function("document", `${consent}\nreturn loadOpencomWidget;`)(page) as () => void;
    expect(page.querySelectorAll("script")).toHaveLength(0);
    load();
    load();
    const injected = page.head.querySelectorAll("script");
    expect(injected).toHaveLength(1);
    expect(readConfig(injected[0]!, undefined)).toEqual({ convexUrl: values.convexUrl, workspaceId: "demo", clientIdentifier: "Shop" });
  });

  it("escape values for the place they land", () => {
    const hostile = 'x" onload="alert(1)<\/script>';
    expect(snippet("script-tag", { clientIdentifier: hostile })).toContain(`data-opencom-client-identifier="${escapeHtmlAttribute(hostile)}"`);
    expect(escapeHtmlAttribute(hostile)).not.toMatch(/["<>]/);
    expect(jsString("</script>")).toBe('"\\u003c/script\\u003e"');
    expect(snippet("settings", { clientIdentifier: "</script><script>alert(1)" })).not.toContain("</script><script>alert");
    expect(snippet("nextjs", { clientIdentifier: 'a"b' })).toContain('data-opencom-client-identifier={"a\\"b"}');
  });
});

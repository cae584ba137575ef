/*
 * The embed snippets of the Widget installation page, built from the workspace's values.
 * Pure: the page renders them and the unit tests read them. Every value is escaped for
 * where it lands (an HTML attribute, a JavaScript string, a JSX attribute).
 */

export type SnippetValues = {
  /** Where the loader is served: the CDN or self-hosted `widget.js`. */
  widgetUrl: string;
  convexUrl: string;
  /** The workspace's public id ("demo"). */
  workspaceId: string;
  /** An onboarding verification token for the install check, while one is issued. */
  verificationToken?: string | null;
  /** A label for this installation (`data-opencom-client-identifier`), shown by the install check. */
  clientIdentifier?: string | null;
};

export type SnippetId = "script-tag" | "settings" | "nextjs" | "consent";

export type Snippet = { id: SnippetId; title: string; language: "html" | "jsx" | "js"; code: string };

/** `data-opencom-*` attribute name → value, in the order the tag shows them; empty optional values left out. */
export function widgetAttributes(values: SnippetValues): Array<[string, string]> {
  const attributes: Array<[string, string]> = [
    ["data-opencom-convex-url", values.convexUrl],
    ["data-opencom-workspace-id", values.workspaceId],
  ];
  const token = values.verificationToken?.trim();
  if (token) attributes.push(["data-opencom-onboarding-verification-token", token]);
  const label = values.clientIdentifier?.trim();
  if (label) attributes.push(["data-opencom-client-identifier", label]);
  return attributes;
}

export function escapeHtmlAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A JavaScript string literal that is also safe inside an HTML <script> element. */
export function jsString(value: string): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
}

/** `data-opencom-client-identifier` → `opencomClientIdentifier` (the script's dataset key). */
function datasetKey(attribute: string): string {
  return attribute.replace(/^data-/, "").replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** `data-opencom-workspace-id` → `workspaceId` (the `window.opencomSettings` key); the token's key is its config name. */
function settingsKey(attribute: string): string {
  const key = datasetKey(attribute).replace(/^opencom/, "");
  return key.charAt(0).toLowerCase() + key.slice(1);
}

function scriptTag(values: SnippetValues): string {
  const lines = [`<script`, `  src="${escapeHtmlAttribute(values.widgetUrl)}"`];
  for (const [name, value] of widgetAttributes(values)) lines.push(`  ${name}="${escapeHtmlAttribute(value)}"`);
  return [...lines, `  async`, `></script>`].join("\n");
}

function settingsSnippet(values: SnippetValues): string {
  const entries = widgetAttributes(values).map(([name, value]) => `    ${settingsKey(name)}: ${jsString(value)},`);
  return [
    `<script>`,
    `  // Set before the widget's tag; these win over its data-opencom-* attributes.`,
    `  window.opencomSettings = {`,
    ...entries,
    `  };`,
    `</script>`,
    `<script src="${escapeHtmlAttribute(values.widgetUrl)}" async></script>`,
  ].join("\n");
}

function nextSnippet(values: SnippetValues): string {
  const attributes = widgetAttributes(values).map(([name, value]) => `        ${name}=${jsxString(value)}`);
  return [
    `// app/layout.jsx: in the root layout, so the widget stays mounted across navigations.`,
    `import Script from "next/script";`,
    ``,
    `export default function RootLayout({ children }) {`,
    `  return (`,
    `    <html lang="en">`,
    `      <body>`,
    `        {children}`,
    `        <Script`,
    `          src=${jsxString(values.widgetUrl)}`,
    `          strategy="afterInteractive"`,
    ...attributes.map((line) => `  ${line}`),
    `        />`,
    `      </body>`,
    `    </html>`,
    `  );`,
    `}`,
  ].join("\n");
}

/** A JSX attribute value: a plain string literal when it can be one, else an expression. */
function jsxString(value: string): string {
  return /^[^"{}<>&\\]*$/.test(value) ? `"${value}"` : `{${jsString(value)}}`;
}

function consentSnippet(values: SnippetValues): string {
  const dataset = widgetAttributes(values).map(([name, value]) => `  script.dataset.${datasetKey(name)} = ${jsString(value)};`);
  return [
    `// Loads the widget only once the visitor consents: nothing of it runs, stores or connects before.`,
    `function loadOpencomWidget() {`,
    `  if (document.querySelector("script[data-opencom-convex-url]")) return;`,
    `  const script = document.createElement("script");`,
    `  script.src = ${jsString(values.widgetUrl)};`,
    `  script.async = true;`,
    ...dataset,
    `  document.head.append(script);`,
    `}`,
    ``,
    `// Call it from your consent manager's "accepted" callback; on withdrawal:`,
    `// window.OpencomWidget?.destroy();`,
  ].join("\n");
}

export function buildSnippets(values: SnippetValues): Snippet[] {
  return [
    { id: "script-tag", title: "Script tag", language: "html", code: scriptTag(values) },
    { id: "settings", title: "window.opencomSettings", language: "html", code: settingsSnippet(values) },
    { id: "nextjs", title: "Next.js <Script>", language: "jsx", code: nextSnippet(values) },
    { id: "consent", title: "Consent-gated injection", language: "js", code: consentSnippet(values) },
  ];
}

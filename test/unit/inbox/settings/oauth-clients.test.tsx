import type { ConvexClient } from "convex/browser";
import { getFunctionName } from "convex/server";
import { render } from "preact";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { OAuthClientView } from "../../../../convex/oauthClients";
import { OAuthClientsPage } from "../../../../inbox/src/settings/oauth-clients/oauth-clients-page";
import { SETTINGS_PAGES } from "../../../../inbox/src/settings/pages";
import { Services } from "../../../../inbox/src/use-convex";
import type { AuthSession } from "../../../../inbox/src/session";
import { freshContainer } from "../../../support/dom-container";

let container: HTMLElement;
freshContainer((element) => (container = element));
afterEach(() => vi.unstubAllGlobals());

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Preact runs effects (the live query's subscription) after the next frame. */
const listed = () => vi.waitFor(() => expect(container.querySelector("table")).not.toBeNull());
const workspace = { workspaceId: "ws1", name: "Acme", role: "admin", memberName: "Ada" } as never;
const live: OAuthClientView = { clientId: "occ_1", name: "Design system", scopes: ["widget.config:view"], createdAt: 0, revokedAt: null };

/** A client whose live list answers `clients`, recording each action and mutation by name. */
function fakeClient(clients: OAuthClientView[], answers: Record<string, (args: Record<string, unknown>) => unknown>) {
  const calls: Array<[string, Record<string, unknown>]> = [];
  const run = async (reference: unknown, args: Record<string, unknown>) => {
    const name = getFunctionName(reference as never);
    calls.push([name, args]);
    return await answers[name]?.(args);
  };
  const client = {
    onUpdate: (_query: unknown, _args: unknown, onResult: (value: unknown) => void) => {
      onResult(clients);
      return () => undefined;
    },
    action: run,
    mutation: run,
  } as unknown as ConvexClient;
  return { client, calls };
}

function show(client: ConvexClient) {
  render(
    <Services.Provider value={{ client, auth: {} as AuthSession }}>
      <OAuthClientsPage me={{} as never} workspace={workspace} />
    </Services.Provider>,
    container,
  );
}

const field = (name: string) => container.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
const button = (text: string) => [...container.querySelectorAll("button")].find((candidate) => candidate.textContent?.startsWith(text))!;

describe("Settings → OAuth clients", () => {
  test("is an admin-only page of its own", () => {
    expect(SETTINGS_PAGES.find((page) => page.id === "oauth-clients")).toMatchObject({ label: "OAuth clients", adminOnly: true, component: OAuthClientsPage });
  });

  test("creates a client with the scopes ticked and shows its secret once", async () => {
    const fake = fakeClient([live], {
      "oauthClientsInbox:create": (args) => ({ ...live, clientId: "occ_2", name: String(args["name"]).trim(), clientSecret: "ocs_secret" }),
    });
    show(fake.client);
    await listed();
    expect(container.querySelector("table")?.textContent).toContain("Design system");
    field("name").value = "CI";
    field("widget.config:edit").checked = true;
    container.querySelector("form")!.requestSubmit();
    await flush();
    expect(fake.calls).toEqual([["oauthClientsInbox:create", { workspaceId: "ws1", name: "CI", scopes: ["widget.config:view", "widget.config:edit"] }]]);
    expect(container.querySelector<HTMLInputElement>(".shown-once input")?.value).toBe("ocs_secret");
    expect(container.textContent).toContain("occ_2");
  });

  test("a refusal shows at its field", async () => {
    const refusal = Object.assign(new Error("Pick at least one scope."), { data: { code: "INVALID_ARGUMENT", field: "scopes", message: "Pick at least one scope." } });
    const fake = fakeClient([], { "oauthClientsInbox:create": () => Promise.reject(refusal) });
    show(fake.client);
    field("name").value = "CI";
    field("widget.config:view").checked = false;
    container.querySelector("form")!.requestSubmit();
    await flush();
    expect(container.querySelector("#new-client-scopes-error")?.textContent).toBe("Pick at least one scope.");
    expect(container.querySelector(".shown-once")).toBeNull();
  });

  test("a new secret, once confirmed, is shown once; revoking asks first", async () => {
    const fake = fakeClient([live], { "oauthClientsInbox:rotateSecret": (args) => ({ clientId: args["clientId"], clientSecret: "ocs_new" }) });
    const confirm = vi.fn().mockReturnValueOnce(true).mockReturnValueOnce(false);
    vi.stubGlobal("confirm", confirm);
    show(fake.client);
    await listed();
    button("New secret").click();
    await flush();
    expect(container.querySelector<HTMLInputElement>(".shown-once input")?.value).toBe("ocs_new");
    button("Revoke").click();
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(fake.calls.map(([name]) => name)).toEqual(["oauthClientsInbox:rotateSecret"]);
  });
});

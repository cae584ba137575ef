import { describe, expect, it, vi } from "vitest";
import type { ConvexClient, ConvexHttpClient } from "convex/browser";
import { getFunctionName } from "convex/server";
import { AuthSession } from "../../../inbox/src/session";

type Fetcher = (args: { forceRefreshToken: boolean }) => Promise<string | null>;

function fakes(answers: Array<unknown>) {
  let fetcher: Fetcher | null = null;
  let onChange: ((authenticated: boolean) => void) | undefined;
  const client = {
    setAuth: vi.fn((f: Fetcher, change?: (a: boolean) => void) => {
      fetcher = f;
      onChange = change;
    }),
    action: vi.fn(async (_ref: unknown, _args: unknown) => null),
  };
  const calls: Array<[string, unknown]> = [];
  const http = {
    action: vi.fn(async (ref: never, args: unknown) => {
      calls.push([getFunctionName(ref), args]);
      const answer = answers.shift();
      if (answer instanceof Error) throw answer;
      return answer;
    }),
  };
  const session = new AuthSession(client as unknown as ConvexClient, http as unknown as ConvexHttpClient, localStorage, window);
  return { session, client, calls, fetch: (force: boolean) => fetcher!({ forceRefreshToken: force }), unauthenticated: () => onChange?.(false) };
}

describe("the inbox's Convex Auth session (plain ConvexClient)", () => {
  it("signs in, hands the JWT to the client, refreshes it once however many ask, and signs out", async () => {
    localStorage.clear();
    const f = fakes([{ tokens: { token: "jwt-1", refreshToken: "r-1" } }, { tokens: { token: "jwt-2", refreshToken: "r-2" } }]);
    const states: string[] = [];
    f.session.subscribe((state) => states.push(state));
    expect(f.session.state).toBe("signedOut");
    await f.session.signIn("ada@example.com", "password123");
    expect(f.calls[0]).toEqual(["auth:signIn", { provider: "password", params: { flow: "signIn", email: "ada@example.com", password: "password123" } }]);
    expect(await f.fetch(false)).toBe("jwt-1");
    const [a, b] = await Promise.all([f.fetch(true), f.fetch(true)]);
    expect([a, b]).toEqual(["jwt-2", "jwt-2"]);
    expect(f.calls[1]).toEqual(["auth:signIn", { refreshToken: "r-1" }]);
    expect(f.calls).toHaveLength(2);
    await f.session.signOut();
    expect(getFunctionName(f.client.action.mock.calls[0]![0] as never)).toBe("auth:signOut");
    expect(localStorage.length).toBe(0);
    expect(states).toEqual(["signedIn", "signedOut"]);
  });

  it("forgets the session when the refresh token is refused, or the server rejects the token", async () => {
    localStorage.clear();
    const f = fakes([{ tokens: { token: "jwt-1", refreshToken: "r-1" } }, { tokens: null }]);
    await f.session.signIn("ada@example.com", "password123");
    expect(await f.fetch(true)).toBeNull();
    expect(f.session.state).toBe("signedOut");

    const h = fakes([{ tokens: { token: "jwt-1", refreshToken: "r-1" } }, new Error("Can't parse refresh token")]);
    await h.session.signIn("ada@example.com", "password123");
    expect(await h.fetch(true)).toBeNull();
    expect(h.session.state).toBe("signedOut");

    const g = fakes([{ tokens: { token: "jwt-1", refreshToken: "r-1" } }]);
    await g.session.signIn("ada@example.com", "password123");
    g.unauthenticated();
    expect(g.session.state).toBe("signedOut");
    expect(localStorage.getItem("opencom-inbox:refreshToken")).toBeNull();
  });

  it("keeps the session through a network failure while refreshing", async () => {
    localStorage.clear();
    const f = fakes([{ tokens: { token: "jwt-1", refreshToken: "r-1" } }, new TypeError("fetch failed")]);
    await f.session.signIn("ada@example.com", "password123");
    expect(await f.fetch(true)).toBe("jwt-1");
    expect(f.session.state).toBe("signedIn");
  });

  it("signs out when another tab does", async () => {
    localStorage.clear();
    const f = fakes([{ tokens: { token: "jwt-1", refreshToken: "r-1" } }]);
    await f.session.signIn("ada@example.com", "password123");
    localStorage.removeItem("opencom-inbox:refreshToken");
    window.dispatchEvent(new StorageEvent("storage", { key: "opencom-inbox:refreshToken", newValue: null }));
    expect(f.session.state).toBe("signedOut");
  });
});

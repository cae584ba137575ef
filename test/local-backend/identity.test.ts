// Live queries are shared between connections only when the whole identity matches, as on
// Convex: two tokens for the same subject with different claims must not see each other's
// results, and a refreshed token with new claims must re-run the query.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConvexClient } from "convex/browser";
import { BackendProcess, client, FIXTURE_FUNCTIONS, waitForValue } from "../support/backend-process";
import { makeSigner, type TokenSigner } from "./support/tokens";

type Who = { subject: string; org: string | null } | null;

describe("identity of shared live queries", () => {
  let signer: TokenSigner;
  let backend: BackendProcess;
  const clients: ConvexClient[] = [];

  beforeAll(async () => {
    signer = await makeSigner();
    backend = new BackendProcess(FIXTURE_FUNCTIONS, [], { FIXTURE_JWKS: signer.jwks });
    await backend.start();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await backend.dispose();
  });

  const signedIn = async (claims: Record<string, unknown>): Promise<ConvexClient> => {
    const c = client(backend.apiUrl);
    clients.push(c);
    const token = await signer.sign({ sub: "user-1", ...claims });
    c.setAuth(async () => token);
    return c;
  };

  it("keeps two connections of one subject with different claims apart", async () => {
    const a = await signedIn({ org_id: "org-A" });
    const b = await signedIn({ org_id: "org-B" });
    const [seenA, seenB] = await Promise.all([
      waitForValue<Who>(a, "whoami:identity", {}, (who) => who !== null),
      waitForValue<Who>(b, "whoami:identity", {}, (who) => who !== null),
    ]);
    expect(seenA).toEqual({ subject: "user-1", org: "org-A" });
    expect(seenB).toEqual({ subject: "user-1", org: "org-B" });
  });

  it("re-runs a query when a refreshed token carries new claims", async () => {
    const c = await signedIn({ org_id: "org-old" });
    await waitForValue<Who>(c, "whoami:identity", {}, (who) => who?.org === "org-old");
    const fresh = await signer.sign({ sub: "user-1", org_id: "org-new" });
    const seen = waitForValue<Who>(c, "whoami:identity", {}, (who) => who?.org === "org-new");
    c.setAuth(async () => fresh);
    expect(await seen).toEqual({ subject: "user-1", org: "org-new" });
  });
});

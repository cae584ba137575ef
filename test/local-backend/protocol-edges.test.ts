// The sync protocol spoken by hand: bad frames end only the sender's connection, a retried
// mutation (same session and request id) is applied once, and versions chain.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackendProcess, client, httpClient } from "../support/backend-process";
import { RawClient } from "./support/raw-client";

const connect = (sessionId: string) => ({ type: "Connect", sessionId, connectionCount: 0, lastCloseReason: null, clientTs: Date.now() });

describe("sync protocol edges", () => {
  const backend = new BackendProcess();
  beforeAll(() => backend.start());
  afterAll(() => backend.dispose());

  it("answers a malformed frame with FatalError without disturbing other clients", async () => {
    const bystander = client(backend.apiUrl);
    const bad = new RawClient(backend.apiUrl);
    await bad.opened;
    bad.send("{this is not json");
    expect(String((await bad.next("FatalError")).error)).toMatch(/Malformed/);
    expect(await bad.closed).toBe(1011);
    const worse = new RawClient(backend.apiUrl);
    await worse.opened;
    worse.send({ type: "Mutation", requestId: -1, udfPath: "notes:add", args: {} });
    expect(String((await worse.next("FatalError")).error)).toMatch(/Mutation/);
    await expect(bystander.mutation("notes:add" as never, { body: "still fine", author: "edge" } as never)).resolves.toBeTypeOf("string");
    await bystander.close();
  });

  it("applies a retried mutation once and chains transition versions", async () => {
    const raw = new RawClient(backend.apiUrl);
    await raw.opened;
    raw.send(connect("session-retry"));
    raw.send({ type: "ModifyQuerySet", baseVersion: 0, newVersion: 1, modifications: [{ type: "Add", queryId: 0, udfPath: "notes:list", args: [{ author: "retry" }] }] });
    const first = await raw.next("Transition");
    expect(first.startVersion).toMatchObject({ querySet: 0, identity: 0 });
    expect(first.endVersion).toMatchObject({ querySet: 1, identity: 0 });
    const mutation = { type: "Mutation", requestId: 7, udfPath: "notes:add", args: [{ body: "once", author: "retry" }] };
    raw.send(mutation);
    const response = await raw.next("MutationResponse");
    expect(response.success).toBe(true);
    const second = await raw.next("Transition");
    expect(second.startVersion).toEqual(first.endVersion);
    raw.close();

    // A reconnect resends the same request: it must not insert again.
    const again = new RawClient(backend.apiUrl);
    await again.opened;
    again.send(connect("session-retry"));
    again.send(mutation);
    const replay = await again.next("MutationResponse");
    expect(replay).toMatchObject({ success: true, result: response.result });
    const notes = (await httpClient(backend.apiUrl).query("notes:list" as never, { author: "retry" } as never)) as unknown[];
    expect(notes).toHaveLength(1);
    again.close();
  });

  it("refuses a query set change from the wrong base version", async () => {
    const raw = new RawClient(backend.apiUrl);
    await raw.opened;
    raw.send(connect("session-version"));
    raw.send({ type: "ModifyQuerySet", baseVersion: 3, newVersion: 4, modifications: [] });
    expect(String((await raw.next("FatalError")).error)).toMatch(/base version/);
  });

  it("answers an Authenticate it cannot verify with AuthError", async () => {
    const raw = new RawClient(backend.apiUrl);
    await raw.opened;
    raw.send(connect("session-auth"));
    raw.send({ type: "Authenticate", tokenType: "User", value: "not.a.jwt", baseVersion: 0 });
    const error = await raw.next("AuthError");
    expect(error).toMatchObject({ baseVersion: 0, authUpdateAttempted: true });
    // As on Convex, the server ends the connection after an AuthError (close frame, no code).
    expect(await raw.closed).toBe(1005);
  });
});

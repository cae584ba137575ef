import { describe, expect, it } from "vitest";
import { decodeTs, encodeTs, parseClientMessage } from "../../../local-backend/server/protocol";
import { readConfig } from "../../../local-backend/config";

describe("sync protocol parsing", () => {
  it("encodes u64 timestamps as base64 little-endian, as the client decodes them", () => {
    expect(encodeTs(1n)).toBe(Buffer.from([1, 0, 0, 0, 0, 0, 0, 0]).toString("base64"));
    const now = BigInt(Date.now()) * 1_000_000n;
    expect(decodeTs(encodeTs(now))).toBe(now);
    expect(() => decodeTs("AQ==")).toThrow(/Invalid timestamp/);
  });

  it("accepts the client's messages and names what is wrong in a bad one", () => {
    expect(parseClientMessage(JSON.stringify({ type: "Connect", sessionId: "s", connectionCount: 0, lastCloseReason: null, clientTs: 1 })).ok).toBe(true);
    const badArgs = parseClientMessage(JSON.stringify({ type: "Mutation", requestId: 1, udfPath: "a:b", args: [{}, {}] }));
    expect(badArgs).toEqual({ ok: false, error: expect.stringMatching(/Malformed Mutation message: args/) });
    expect(parseClientMessage(JSON.stringify({ type: "Teleport" }))).toMatchObject({ ok: false });
    expect(parseClientMessage("[")).toEqual({ ok: false, error: "Malformed message: not JSON" });
  });
});

describe("local backend configuration", () => {
  it("reads ports and the data dir from the environment, with the README's defaults", () => {
    const defaults = readConfig([], {});
    expect(defaults).toMatchObject({ apiPort: 3210, sitePort: 3211, host: "127.0.0.1", seed: null });
    expect(defaults.dataDir.endsWith(".opencom-local")).toBe(true);
    const custom = readConfig(["--seed", "seed:demo", "--seed-output", "demo.json"], { OPENCOM_BACKEND_PORT: "4000", OPENCOM_SITE_PORT: "4001", OPENCOM_DATA_DIR: "/tmp/x" });
    expect(custom).toMatchObject({ apiPort: 4000, sitePort: 4001, dataDir: "/tmp/x", seed: { functionName: "seed:demo", outputFile: "demo.json" } });
    expect(() => readConfig([], { OPENCOM_BACKEND_PORT: "http" })).toThrow(/OPENCOM_BACKEND_PORT must be a port number/);
  });
});

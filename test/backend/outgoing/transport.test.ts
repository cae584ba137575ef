// The outgoing transport resolves a name once, checks the answers, and connects to exactly
// those addresses: no second lookup a rebinding name could answer differently.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { guardedFetch, RefusedDestination, type DestinationGuard } from "../../../convex/outgoing/transport";
import { sendWithTimeout } from "../../../convex/outgoing/wire";

let server: Server;
let port = 0;
const received: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    received.push(request);
    response.end("hello from a private address");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** A resolver that answers `address` for every name and counts the questions. */
function resolverTo(address: string) {
  const asked: string[] = [];
  const guard = (allowPrivate: boolean): DestinationGuard => ({
    allowPrivate,
    resolve: async (name) => {
      asked.push(name);
      return [{ address }];
    },
  });
  return { asked, guard };
}

describe("a name that resolves to a private address", () => {
  test("is refused outside development, as it connects, and nothing reaches the address", async () => {
    const before = received.length;
    const dns = resolverTo("127.0.0.1");
    const call = guardedFetch(`http://rebind.test:${port}/hook`, { method: "POST", body: "{}" }, async (response) => await response.text(), dns.guard(false));
    await expect(call).rejects.toBeInstanceOf(RefusedDestination);
    await expect(call).rejects.toThrow(/loopback address \(rebind\.test resolves to 127\.0\.0\.1\)/);
    expect(dns.asked).toEqual(["rebind.test"]);
    expect(received.length).toBe(before);
  });

  test("an attempt to it is permanent (never retried), with the reason", async () => {
    const dns = resolverTo("10.1.2.3");
    const result = await sendWithTimeout({ url: `http://rebind.test:${port}/`, method: "GET", headers: {}, body: null }, 2000, dns.guard(false));
    expect(result.outcome).toEqual({ kind: "permanent", error: expect.stringMatching(/^Refused: url must not point at a private address \(rebind\.test resolves to 10\.1\.2\.3\)/) });
  });

  test("in development it connects to the address resolved once, keeping the name in Host", async () => {
    const dns = resolverTo("127.0.0.1");
    const text = await guardedFetch(`http://rebind.test:${port}/hook`, {}, async (response) => await response.text(), dns.guard(true));
    expect(text).toBe("hello from a private address");
    expect(dns.asked).toEqual(["rebind.test"]);
    expect(received.at(-1)?.headers.host).toBe(`rebind.test:${port}`);
  });

  test("a literal private address is refused before any connection", async () => {
    const before = received.length;
    const dns = resolverTo("127.0.0.1");
    await expect(guardedFetch(`http://127.0.0.1:${port}/`, {}, async (response) => await response.text(), dns.guard(false))).rejects.toThrow(
      /^url must not point at a loopback address/,
    );
    expect(dns.asked).toEqual([]);
    expect(received.length).toBe(before);
  });
});

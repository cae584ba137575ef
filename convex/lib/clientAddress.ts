import type { ActionCtx, MutationCtx } from "../_generated/server";

/**
 * The rate-limit key of the client address a call came from, or null when there
 * is none to limit:
 * - no address: scheduled functions and crons, which no client started;
 * - loopback (127.0.0.0/8, ::1): the machine itself — development, tests, and a
 *   self-hosted backend behind a proxy on the same host, where every visitor would
 *   share the proxy's address (and one visitor's burst would throttle all of them).
 * IPv6 addresses count by their /64 network: one subscriber gets a whole /64, so
 * counting single addresses would let a script rotate through them.
 */
export function addressKey(ip: string | null): string | null {
  if (ip === null || ip === "") return null;
  const address = ip.trim().toLowerCase().replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  const v4 = mapped?.[1] ?? (/^\d+\.\d+\.\d+\.\d+$/.test(address) ? address : null);
  if (v4 !== null) return v4.startsWith("127.") ? null : `ip4:${v4}`;
  if (!address.includes(":")) return null;
  const groups = expandIpv6(address);
  if (groups === null) return `ip6:${address}`;
  if (groups.every((group, index) => group === (index === 7 ? 1 : 0))) return null; // ::1
  return `ip6:${groups.slice(0, 4).map((group) => group.toString(16)).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function expandIpv6(address: string): number[] | null {
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string | undefined) => (part === undefined || part === "" ? [] : part.split(":"));
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const groups = [...head, ...Array<string>(missing).fill("0"), ...tail].map((group) =>
    /^[0-9a-f]{1,4}$/.test(group) ? parseInt(group, 16) : NaN,
  );
  return groups.some(Number.isNaN) ? null : groups;
}

/** The caller's address key (see addressKey), from Convex's request metadata. */
export async function callerAddressKey(ctx: MutationCtx | ActionCtx): Promise<string | null> {
  const { ip } = await ctx.meta.getRequestMetadata();
  return addressKey(ip);
}

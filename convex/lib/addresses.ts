/**
 * Where an outgoing call may go. A URL a workspace gives us (a webhook, a bot
 * server, a gateway callback) must not reach the deployment's own network:
 * loopback, private ranges, link-local (cloud metadata at 169.254.169.254) and
 * the like are refused unless the deployment allows them for development.
 *
 * Pure: literal addresses are classified here; names are resolved by the
 * outgoing transport (outgoing/transport.ts) when it connects, and the
 * addresses it is about to connect to are classified here.
 */

export type AddressCategory =
  | "public"
  | "loopback"
  | "private"
  | "link-local"
  | "unspecified"
  | "multicast"
  | "reserved";

/** Parses IPv4 the way inet_aton (and the WHATWG URL parser) does: `0x7f.1`, `017700000001`, `2130706433`. */
export function parseIPv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length === 0 || parts.length > 4 || parts.some((part) => part === "")) return null;
  const values: number[] = [];
  for (const part of parts) {
    const value = parseIPv4Number(part);
    if (value === null) return null;
    values.push(value);
  }
  const last = values.pop() ?? 0;
  if (values.some((value) => value > 255) || last >= 256 ** (4 - values.length)) return null;
  const bytes = [...values];
  for (let index = 4 - values.length - 1; index >= 0; index--) bytes.push(Math.floor(last / 256 ** index) % 256);
  return bytes;
}

function parseIPv4Number(part: string): number | null {
  let digits = part;
  let radix = 10;
  if (/^0x/i.test(part)) {
    digits = part.slice(2);
    radix = 16;
    if (digits === "") return 0;
  } else if (part.length > 1 && part.startsWith("0")) {
    digits = part.slice(1);
    radix = 8;
  }
  const pattern = radix === 16 ? /^[0-9a-f]+$/i : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!pattern.test(digits)) return null;
  const value = parseInt(digits, radix);
  return Number.isSafeInteger(value) ? value : null;
}

/** Eight 16-bit groups, or null. Accepts `::`, an embedded dotted IPv4 tail, brackets and a zone (`%eth0`). */
export function parseIPv6(text: string): number[] | null {
  let address = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  address = address.split("%")[0] ?? "";
  if (!address.includes(":")) return null;
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (half: string): number[] | null => {
    if (half === "") return [];
    const out: number[] = [];
    const pieces = half.split(":");
    for (const [index, piece] of pieces.entries()) {
      if (index === pieces.length - 1 && piece.includes(".")) {
        const v4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(piece) ? parseIPv4(piece) : null;
        if (v4 === null) return null;
        out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      } else {
        if (!/^[0-9a-f]{1,4}$/i.test(piece)) return null;
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  const head = groupsOf(halves[0] ?? "");
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? "") : [];
  if (head === null || tail === null) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

function inV4(bytes: number[], prefix: [number, number, number, number], bits: number): boolean {
  for (let bit = 0; bit < bits; bit++) {
    const byte = Math.floor(bit / 8);
    const mask = 0x80 >> bit % 8;
    if (((bytes[byte] ?? 0) & mask) !== ((prefix[byte] ?? 0) & mask)) return false;
  }
  return true;
}

const IPV4_RANGES: Array<[[number, number, number, number], number, AddressCategory]> = [
  [[0, 0, 0, 0], 8, "unspecified"],
  [[10, 0, 0, 0], 8, "private"],
  [[100, 64, 0, 0], 10, "private"], // carrier-grade NAT
  [[127, 0, 0, 0], 8, "loopback"],
  [[169, 254, 0, 0], 16, "link-local"],
  [[172, 16, 0, 0], 12, "private"],
  [[192, 0, 0, 0], 24, "reserved"],
  [[192, 0, 2, 0], 24, "reserved"],
  [[192, 88, 99, 0], 24, "reserved"],
  [[192, 168, 0, 0], 16, "private"],
  [[198, 18, 0, 0], 15, "reserved"],
  [[198, 51, 100, 0], 24, "reserved"],
  [[203, 0, 113, 0], 24, "reserved"],
  [[224, 0, 0, 0], 4, "multicast"],
  [[240, 0, 0, 0], 4, "reserved"],
];

export function classifyIPv4(bytes: number[]): AddressCategory {
  for (const [prefix, bits, category] of IPV4_RANGES) if (inV4(bytes, prefix, bits)) return category;
  return "public";
}

export function classifyIPv6(groups: number[]): AddressCategory {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const embeddedV4 = (high: number, low: number) => [high >> 8, high & 0xff, low >> 8, low & 0xff];
  const allZeroUpTo = (count: number) => groups.slice(0, count).every((group) => group === 0);
  if (allZeroUpTo(7) && g7 === 0) return "unspecified";
  if (allZeroUpTo(7) && g7 === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) reach the IPv4 address.
  if (allZeroUpTo(5) && g5 === 0xffff) return classifyIPv4(embeddedV4(g6, g7));
  if (allZeroUpTo(6)) return classifyIPv4(embeddedV4(g6, g7));
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return classifyIPv4(embeddedV4(g6, g7));
  if (g0 === 0x2002) return classifyIPv4(embeddedV4(g1, g2)); // 6to4
  if ((g0 & 0xfe00) === 0xfc00) return "private"; // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80) return "link-local"; // fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return "private"; // site-local (deprecated) fec0::/10
  if ((g0 & 0xff00) === 0xff00) return "multicast";
  if (g0 === 0x2001 && g1 === 0x0db8) return "reserved"; // documentation
  if (g0 === 0x2001 && g1 === 0) return "reserved"; // Teredo hides an IPv4 address
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return "reserved"; // discard-only
  return "public";
}

/** The category of an IP literal (v4 in any inet_aton form, or v6), or null when `text` is not one. */
export function classifyIpLiteral(text: string): AddressCategory | null {
  const v6 = parseIPv6(text);
  if (v6 !== null) return classifyIPv6(v6);
  if (!/^[0-9a-fx.]+$/i.test(text) || !/^(0x[0-9a-f]*|\d+)/i.test(text)) return null;
  const v4 = parseIPv4(text);
  return v4 === null ? null : classifyIPv4(v4);
}

export type TargetHost = { kind: "ip"; category: AddressCategory } | { kind: "name"; name: string };

export type TargetCheck = { ok: true; url: URL; host: TargetHost } | { ok: false; reason: string };

/**
 * The checks a target URL passes before anything is stored or sent: http(s)
 * only, no credentials inside the URL (they would be stored and logged in
 * clear), and no literal address outside the public internet unless
 * `allowPrivate`. A name is returned for the sender to resolve and check.
 */
export function checkTargetUrl(raw: string, allowPrivate: boolean): TargetCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "must be an absolute http(s) URL" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: "must use http or https" };
  if (url.username !== "" || url.password !== "") {
    return { ok: false, reason: "must not carry credentials; send them in a header instead" };
  }
  // The URL parser already turned `0x7f.1` into 127.0.0.1 and `[::ffff:127.0.0.1]` into [::ffff:7f00:1].
  const hostname = url.hostname.toLowerCase();
  const literal = classifyIpLiteral(hostname);
  const category = literal ?? (hostname === "localhost" || hostname.endsWith(".localhost") ? "loopback" : null);
  if (category !== null) {
    if (category !== "public" && !allowPrivate) return { ok: false, reason: refusalReason(category) };
    return { ok: true, url, host: { kind: "ip", category } };
  }
  return { ok: true, url, host: { kind: "name", name: hostname.replace(/\.$/, "") } };
}

export function refusalReason(category: AddressCategory, address?: string): string {
  const where = address === undefined ? "" : ` (${address})`;
  return `must not point at a ${category} address${where}; only public internet addresses are allowed`;
}

/** Whether the deployment lets outgoing calls reach private and loopback addresses (development only). */
export function privateTargetsAllowed(env: Record<string, string | undefined> = process.env): boolean {
  return env["OPENCOM_ALLOW_PRIVATE_OUTGOING"] === "1";
}

/** A resolver: every address a name resolves to (node:dns `lookup` with `all: true`). */
export type ResolveName = (name: string) => Promise<Array<{ address: string }>>;

/**
 * The check of a name's answers, made on the very answers the connection will
 * use: every address must be public (one private answer is enough to refuse:
 * the connection could land on it), unless `allowPrivate`. Null when the
 * connection may go.
 */
export function resolvedAddressRefusal(name: string, addresses: ReadonlyArray<{ address: string }>, allowPrivate: boolean): string | null {
  if (allowPrivate) return null;
  for (const { address } of addresses) {
    const category = classifyIpLiteral(address) ?? "reserved";
    if (category !== "public") return `url ${refusalReason(category, `${name} resolves to ${address}`)}`;
  }
  return null;
}

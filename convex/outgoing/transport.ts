"use node";

import { isIP } from "node:net";
import { lookup } from "node:dns/promises";
import { Agent } from "undici";
import { checkTargetUrl, privateTargetsAllowed, resolvedAddressRefusal, type ResolveName } from "../lib/addresses";

/*
 * Every outgoing connection goes through here. Checking a name's addresses and
 * then letting fetch resolve the name again would leave a window: a name can
 * answer a public address to the check and a private one to the connection
 * (DNS rebinding). So the name is resolved once, inside the connection (the
 * dispatcher's `lookup`), the answers are checked there, and the socket
 * connects to exactly those addresses. The URL keeps its name, so the Host
 * header and TLS (SNI and the certificate check) still use the name.
 */

export const systemResolve: ResolveName = async (name) => await lookup(name, { all: true, verbatim: true });

export type DestinationGuard = { allowPrivate: boolean; resolve: ResolveName };

/** The deployment's rule (private addresses only in development) with the system resolver. */
export function deploymentGuard(): DestinationGuard {
  return { allowPrivate: privateTargetsAllowed(), resolve: systemResolve };
}

/** A destination the rules refuse: never worth retrying. `message` starts with "url …". */
export class RefusedDestination extends Error {
  readonly code = "OPENCOM_REFUSED_DESTINATION";
}

type LookupAnswer = { address: string; family: number };
type LookupCallback = (error: Error | null, address: string | LookupAnswer[], family?: number) => void;

/** net.connect's `lookup`: one resolution, checked, handed to the socket as is. */
function checkedLookup(guard: DestinationGuard) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    guard.resolve(hostname).then(
      (answers) => {
        const refusal = resolvedAddressRefusal(hostname, answers, guard.allowPrivate);
        if (refusal !== null) return callback(new RefusedDestination(refusal), "");
        const checked = answers.map(({ address }) => ({ address, family: isIP(address) === 6 ? 6 : 4 }));
        const [first] = checked;
        if (first === undefined) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "");
        if (options.all === true) callback(null, checked);
        else callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), ""),
    );
  };
}

function refusalIn(error: unknown): RefusedDestination | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current instanceof RefusedDestination) return current;
    current = (current as Error & { cause?: unknown }).cause;
  }
  return null;
}

/**
 * fetch to a destination the rules allow: the URL's own rules first (scheme,
 * no credentials, no private literal), then the name checked as it connects.
 * `read` consumes the response before the connection pool is closed. Throws
 * RefusedDestination when the rules refuse; other errors are fetch's own.
 */
export async function guardedFetch<T>(
  url: string,
  init: RequestInit,
  read: (response: Response) => Promise<T>,
  guard: DestinationGuard = deploymentGuard(),
): Promise<T> {
  const target = checkTargetUrl(url, guard.allowPrivate);
  if (!target.ok) throw new RefusedDestination(`url ${target.reason}`);
  const dispatcher = new Agent({ connect: { lookup: checkedLookup(guard) as never } });
  try {
    // Node's fetch is undici: it takes the pool to connect through as `dispatcher`.
    const response = await fetch(url, { ...init, redirect: "manual", dispatcher } as RequestInit);
    return await read(response);
  } catch (error) {
    throw refusalIn(error) ?? error;
  } finally {
    void dispatcher.destroy().catch(() => undefined);
  }
}

import { openSecret } from "../lib/secretBox";
import { gatewaySignature, GATEWAY_SIGNATURE_HEADER, opencomSignature, SIGNATURE_HEADER } from "../lib/signatures";

/*
 * Turns a claimed delivery into the request that goes on the wire: secret
 * query parameters and headers opened from their sealed boxes, the signature
 * computed now (so a retry an hour later carries a fresh timestamp), and the
 * delivery id receivers de-duplicate by.
 */

export const DELIVERY_ID_HEADER = "Opencom-Delivery-Id";
export const USER_AGENT = "Opencom-Outgoing/1";
export const SIGNING_SECRET_PURPOSE = "signing-secret";

export function secretPartPurpose(part: { in: "header" | "query"; name: string }): string {
  return `outgoing:${part.in}:${part.name.toLowerCase()}`;
}

export type ClaimedDelivery = {
  method: "POST" | "PUT" | "GET";
  url: string;
  headers: Array<{ name: string; value: string }>;
  body: string;
  secretParts: Array<{ in: "header" | "query"; name: string; sealed: string }>;
  signing: { scheme: "opencom-signature" | "x-opencom-sign"; sealedSecrets: string[] } | null;
};

export type WireRequest = { url: string; method: string; headers: Record<string, string>; body: string | null };

export async function prepareRequest(delivery: ClaimedDelivery, deliveryId: string, nowMs: number): Promise<WireRequest> {
  const url = new URL(delivery.url);
  const headers: Record<string, string> = { "User-Agent": USER_AGENT, [DELIVERY_ID_HEADER]: deliveryId };
  const hasBody = delivery.method !== "GET";
  if (hasBody) headers["Content-Type"] = "application/json";
  for (const { name, value } of delivery.headers) headers[name] = value;
  for (const part of delivery.secretParts) {
    const value = await openSecret(part.sealed, secretPartPurpose(part));
    if (part.in === "query") url.searchParams.set(part.name, value);
    else headers[part.name] = value;
  }
  if (delivery.signing !== null && delivery.signing.sealedSecrets.length > 0) {
    const secrets = await Promise.all(delivery.signing.sealedSecrets.map((sealed) => openSecret(sealed, SIGNING_SECRET_PURPOSE)));
    if (delivery.signing.scheme === "opencom-signature") {
      headers[SIGNATURE_HEADER] = await opencomSignature(secrets, delivery.body, Math.floor(nowMs / 1000));
    } else {
      headers[GATEWAY_SIGNATURE_HEADER] = await gatewaySignature(secrets[0] ?? "", delivery.body);
    }
  }
  return { url: url.toString(), method: delivery.method, headers, body: hasBody ? delivery.body : null };
}

import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { randomBytes, toBase64Url } from "../lib/crypto";
import { invalidArgument } from "../lib/errors";
import type { GatewayRouting, GatewayTemplates } from "../lib/gatewayTables";
import { GATEWAY_LIMITS, GATEWAY_PATH } from "../lib/gatewayRules";
import { openSecret, sealSecret } from "../lib/secretBox";
import { siteUrl } from "../lib/siteUrl";
import { SIGNING_SECRET_PURPOSE } from "../outgoing/prepare";

/*
 * A gateway as REST and the inbox read it, and the pieces its functions share:
 * finding one within a workspace, drawing its URI token and app secret (in
 * actions: only there is randomness real), and checking its routing.
 */

export type GatewayView = {
  id: string;
  name: string;
  uri: string;
  callbackUrl: string;
  /** Readable back by admins, as the integration needs it on both sides. */
  appSecret: string;
  routing: { type: "team"; teamId: string | null };
  templates: GatewayTemplates;
  createdAt: number;
  updatedAt: number;
};

export function gatewayUri(uriToken: string): string {
  return `${siteUrl()}${GATEWAY_PATH}${uriToken}`;
}

export async function gatewayView(gateway: Doc<"gateways">): Promise<GatewayView> {
  return {
    id: gateway._id,
    name: gateway.name,
    uri: gatewayUri(gateway.uriToken),
    callbackUrl: gateway.callbackUrl,
    appSecret: await openSecret(gateway.sealedSecret, SIGNING_SECRET_PURPOSE),
    routing: { type: "team", teamId: gateway.routing.teamId },
    templates: gateway.templates,
    createdAt: gateway.createdAt,
    updatedAt: gateway.updatedAt,
  };
}

export async function findGateway(db: DatabaseReader, workspaceId: Id<"workspaces">, id: string): Promise<Doc<"gateways"> | null> {
  const normalized = db.normalizeId("gateways", id);
  const gateway = normalized === null ? null : await db.get("gateways", normalized);
  return gateway !== null && gateway.workspaceId === workspaceId ? gateway : null;
}

export async function gatewaysOf(db: DatabaseReader, workspaceId: Id<"workspaces">): Promise<GatewayView[]> {
  const rows = await db
    .query("gateways")
    .withIndex("by_workspace", (q) => q.eq("workspaceId", workspaceId))
    .take(GATEWAY_LIMITS.gatewaysPerWorkspace);
  return await Promise.all(rows.map(gatewayView));
}

/** 32 random bytes, base64url: the last segment of the URI. Actions only. */
export function mintUriToken(): string {
  return toBase64Url(randomBytes(32));
}

/** A generated app secret: 32 random bytes as 64 hex digits. Actions only. */
export function mintAppSecret(): string {
  return Array.from(randomBytes(32), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The secret sealed for the outgoing module's signer. Actions only (a random IV). */
export async function sealAppSecret(secret: string): Promise<string> {
  return await sealSecret(secret, SIGNING_SECRET_PURPOSE);
}

/** The routing as stored: a team of this workspace, or none. */
export async function checkRouting(
  db: DatabaseReader,
  workspaceId: Id<"workspaces">,
  routing: { type: "team"; teamId?: string | null },
): Promise<GatewayRouting> {
  if (routing.teamId === undefined || routing.teamId === null) return { type: "team", teamId: null };
  const teamId = db.normalizeId("supportTeams", routing.teamId);
  const team = teamId === null ? null : await db.get("supportTeams", teamId);
  if (team === null || team.workspaceId !== workspaceId) throw invalidArgument("routing.teamId", "routing.teamId names no support team of this workspace.");
  return { type: "team", teamId: team._id };
}

/**
 * After the app secret changed: calls still waiting (queued, retrying, or dead
 * until an operator retries them) sign with the new secret, the one the
 * service verifies with from now on.
 */
export async function resignWaitingDeliveries(db: DatabaseWriter, gateway: Doc<"gateways">, sealedSecret: string): Promise<void> {
  for (const status of ["queued", "failed", "dead"] as const) {
    const waiting = await db
      .query("deliveries")
      .withIndex("by_workspace_source_status", (q) => q.eq("workspaceId", gateway.workspaceId).eq("sourceId", gateway._id).eq("status", status))
      .take(1000);
    for (const delivery of waiting) await db.patch("deliveries", delivery._id, { signing: { scheme: "x-opencom-sign", sealedSecrets: [sealedSecret] } });
  }
}

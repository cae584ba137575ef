import { internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import type { ActionCtx } from "../_generated/server";
import { checkTargetUrl, privateTargetsAllowed } from "../lib/addresses";
import { checkConnectionFields, type ConnectionFields } from "../lib/botConnectionRules";
import { randomBytes, toBase64Url, toHex } from "../lib/crypto";
import { invalidArgument } from "../lib/errors";
import { policyFor } from "../lib/outgoingPolicy";
import { sealConnectionSecrets, sealSigningSecret } from "./botConnections";

/*
 * Creating and replacing a bot webhook connection, the one path for the REST
 * API and the inbox: the fields checked with the protocol's sizes, the URL
 * verified by its challenge on create and on a URL change, the secrets sealed.
 * Actions only: the challenge is a call out, and sealing draws a random IV.
 */

/**
 * The verification the protocol's example servers answer: `GET <url>?challenge=<random>&token=<token>`
 * must come back with the challenge as its body. Refuses the save naming `url` otherwise.
 */
async function verifyUrl(ctx: ActionCtx, url: string, token: string | undefined): Promise<void> {
  const target = checkTargetUrl(url.trim(), privateTargetsAllowed());
  if (!target.ok) throw invalidArgument("url", `url ${target.reason}.`);
  const challenge = toHex(randomBytes(16));
  const verification = new URL(target.url);
  verification.searchParams.set("challenge", challenge);
  if (token !== undefined) verification.searchParams.set("token", token);
  const answer = await ctx.runAction(internal.outgoing.send.callNow, {
    method: "GET",
    url: verification.toString(),
    timeoutMs: policyFor("bot").timeoutMs,
  });
  if (!answer.ok) throw invalidArgument("url", `The URL did not pass verification: ${answer.error ?? "no answer"}.`);
  if ((answer.responseBody ?? "").trim() !== challenge) {
    throw invalidArgument("url", "The URL did not pass verification: its answer to GET ?challenge= must be the challenge itself.");
  }
}

export async function createConnection(
  ctx: ActionCtx,
  workspaceId: Id<"workspaces">,
  storyId: string,
  input: ConnectionFields,
): Promise<{ id: string }> {
  const fields = checkConnectionFields(input);
  const story = await ctx.runQuery(internal.botAdmin.getStory, { workspaceId, id: storyId });
  if (story === null) throw invalidArgument("storyId", "storyId names no story of this workspace.");
  await verifyUrl(ctx, fields.url, fields.token);
  const secrets = await sealConnectionSecrets(fields);
  const sealedSigningSecret = await sealSigningSecret(`whsec_${toBase64Url(randomBytes(32))}`);
  return await ctx.runMutation(internal.botAdmin.insertConnection, {
    workspaceId,
    storyId: story.id as Id<"botStories">,
    name: fields.name,
    url: fields.url.trim(),
    secrets,
    sealedSigningSecret,
  });
}

/** Replaces the connection: a token, headers or auth left out are removed. Verified again when the URL changes. False: no such connection. */
export async function replaceConnection(ctx: ActionCtx, workspaceId: Id<"workspaces">, id: string, input: ConnectionFields): Promise<boolean> {
  const fields = checkConnectionFields(input);
  const current = await ctx.runQuery(internal.botAdmin.getConnection, { workspaceId, id });
  if (current === null) return false;
  if (current.url !== fields.url.trim()) await verifyUrl(ctx, fields.url, fields.token);
  const secrets = await sealConnectionSecrets(fields);
  return await ctx.runMutation(internal.botAdmin.replaceConnection, { workspaceId, id, name: fields.name, url: fields.url.trim(), secrets });
}

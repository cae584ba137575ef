import type { Doc } from "../_generated/dataModel";
import { openSecret, sealSecret } from "../lib/secretBox";
import { SIGNING_SECRET_PURPOSE, secretPartPurpose } from "../outgoing/prepare";

/*
 * A bot webhook connection's secrets: the token (sent as `?token=`), custom
 * headers, basic auth and the signing secret, each sealed under the
 * deployment key with the purpose the sender opens it under, and opened again
 * only for an admin key's GET (as the protocol shows them).
 */

export type ConnectionInput = {
  name: string;
  url: string;
  token?: string | undefined;
  headers?: Record<string, string> | undefined;
  auth?: { username: string; password: string } | undefined;
};

export type SealedConnectionSecrets = {
  sealedToken?: string;
  sealedHeaders?: Array<{ name: string; sealed: string }>;
  auth?: { sealedUsername: string; sealedPassword: string; sealedAuthorization: string };
};

const USERNAME_PURPOSE = "bot:auth:username";
const PASSWORD_PURPOSE = "bot:auth:password";

function basicAuthorization(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** Seals what a connection must read back. Actions only (sealing draws a random IV). */
export async function sealConnectionSecrets(input: ConnectionInput): Promise<SealedConnectionSecrets> {
  const sealed: SealedConnectionSecrets = {};
  if (input.token !== undefined) sealed.sealedToken = await sealSecret(input.token, secretPartPurpose({ in: "query", name: "token" }));
  if (input.headers !== undefined) {
    sealed.sealedHeaders = await Promise.all(
      Object.entries(input.headers).map(async ([name, value]) => ({ name, sealed: await sealSecret(value, secretPartPurpose({ in: "header", name })) })),
    );
  }
  if (input.auth !== undefined) {
    const { username, password } = input.auth;
    sealed.auth = {
      sealedUsername: await sealSecret(username, USERNAME_PURPOSE),
      sealedPassword: await sealSecret(password, PASSWORD_PURPOSE),
      sealedAuthorization: await sealSecret(basicAuthorization(username, password), secretPartPurpose({ in: "header", name: "Authorization" })),
    };
  }
  return sealed;
}

export async function sealSigningSecret(secret: string): Promise<string> {
  return await sealSecret(secret, SIGNING_SECRET_PURPOSE);
}

export type ConnectionSummary = {
  id: string;
  story: { id: string; name: string };
  name: string;
  url: string;
  error: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ConnectionDetail = ConnectionSummary & {
  token?: string;
  headers?: Record<string, string>;
  auth?: { username: string; password: string };
  /** Verifies the Opencom-Signature header of our calls. */
  signingSecret: string;
};

export function connectionSummary(row: Doc<"botConnections">, storyName: string): ConnectionSummary {
  return {
    id: row._id,
    story: { id: row.storyId, name: storyName },
    name: row.name,
    url: row.url,
    error: row.error,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export async function connectionDetail(row: Doc<"botConnections">, storyName: string): Promise<ConnectionDetail> {
  const detail: ConnectionDetail = {
    ...connectionSummary(row, storyName),
    signingSecret: await openSecret(row.sealedSigningSecret, SIGNING_SECRET_PURPOSE),
  };
  if (row.sealedToken !== undefined) detail.token = await openSecret(row.sealedToken, secretPartPurpose({ in: "query", name: "token" }));
  if (row.sealedHeaders !== undefined) {
    const entries = await Promise.all(
      row.sealedHeaders.map(async ({ name, sealed }) => [name, await openSecret(sealed, secretPartPurpose({ in: "header", name }))] as const),
    );
    detail.headers = Object.fromEntries(entries);
  }
  if (row.auth !== undefined) {
    detail.auth = { username: await openSecret(row.auth.sealedUsername, USERNAME_PURPOSE), password: await openSecret(row.auth.sealedPassword, PASSWORD_PURPOSE) };
  }
  return detail;
}

// Verifies the JWTs clients send with `Authenticate` (or `Authorization: Bearer`) against the
// providers of the app's auth.config.ts, as a Convex deployment does, and turns their claims
// into a UserIdentity.
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from "jose";

interface Provider {
  type?: "customJwt";
  domain?: string;
  issuer?: string;
  jwks?: string;
  applicationID?: string;
  algorithm?: string;
}

export type UserIdentity = Record<string, unknown> & { subject: string; issuer: string; tokenIdentifier: string };

const CLAIM_TO_ATTRIBUTE: Record<string, string> = {
  name: "name", given_name: "givenName", family_name: "familyName", nickname: "nickname",
  preferred_username: "preferredUsername", profile: "profileUrl", picture: "pictureUrl", email: "email",
  email_verified: "emailVerified", gender: "gender", birthdate: "birthday", zoneinfo: "timezone",
  locale: "language", phone_number: "phoneNumber", phone_number_verified: "phoneNumberVerified",
  address: "address", updated_at: "updatedAt",
};
const STANDARD_CLAIMS = new Set(["iss", "sub", "aud", "exp", "iat", "nbf", "jti"]);

export class AuthVerifier {
  private readonly keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  constructor(private readonly providers: Provider[]) {}

  async verify(token: string): Promise<UserIdentity> {
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw new Error("Could not parse JWT payload. Check that the token is a valid JWT format.");
    }
    const provider = this.providers.find((p) => issuerOf(p) === unverified.iss);
    if (provider === undefined) {
      throw new Error(
        this.providers.length === 0
          ? "No auth provider found matching the given token (no providers configured in auth.config.ts)"
          : `No auth provider found matching the given token: issuer ${String(unverified.iss)}`,
      );
    }
    const { payload } = await jwtVerify(token, await this.keySet(provider), {
      issuer: issuerOf(provider),
      ...(provider.applicationID !== undefined ? { audience: provider.applicationID } : {}),
      ...(provider.algorithm !== undefined ? { algorithms: [provider.algorithm] } : {}),
    });
    return identityFromClaims(payload);
  }

  private async keySet(provider: Provider) {
    const issuer = issuerOf(provider);
    let keySet = this.keySets.get(issuer);
    if (keySet === undefined) {
      const jwksUrl = provider.jwks ?? (await discoverJwksUrl(issuer));
      keySet = createRemoteJWKSet(new URL(jwksUrl));
      this.keySets.set(issuer, keySet);
    }
    return keySet;
  }
}

function issuerOf(provider: Provider): string {
  return (provider.type === "customJwt" ? provider.issuer : provider.domain) ?? "";
}

async function discoverJwksUrl(domain: string): Promise<string> {
  const response = await fetch(`${domain.replace(/\/$/, "")}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`Could not load the OpenID configuration of ${domain}: HTTP ${response.status}`);
  const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: string };
  if (typeof jwksUri !== "string") throw new Error(`The OpenID configuration of ${domain} has no jwks_uri`);
  return jwksUri;
}

export function identityFromClaims(claims: JWTPayload): UserIdentity {
  const issuer = String(claims.iss ?? "");
  const subject = String(claims.sub ?? "");
  const identity: UserIdentity = { subject, issuer, tokenIdentifier: `${issuer}|${subject}` };
  for (const [claim, value] of Object.entries(claims)) {
    if (STANDARD_CLAIMS.has(claim)) continue;
    identity[CLAIM_TO_ATTRIBUTE[claim] ?? claim] = value;
  }
  return identity;
}

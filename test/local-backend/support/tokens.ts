// Signs JWTs for the fixture's customJwt provider: a key pair made per test file, its public
// half handed to the backend as the deployment variable FIXTURE_JWKS.
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from "jose";

export interface TokenSigner {
  jwks: string;
  sign(claims: JWTPayload & { sub: string }): Promise<string>;
}

export async function makeSigner(): Promise<TokenSigner> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "fixture", alg: "RS256", use: "sig" };
  return {
    jwks: JSON.stringify({ keys: [jwk] }),
    sign: (claims) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: "RS256", kid: "fixture" })
        .setIssuer("https://issuer.fixture.test")
        .setAudience("fixture")
        .setIssuedAt()
        .setExpirationTime("1h")
        .sign(privateKey),
  };
}

import { describe, expect, test } from "vitest";
import {
  ROTATION_GRACE_MS,
  rotatedRevocationTime,
  SESSION_LIFETIME_OVERRIDE_ENV,
  sessionLifetimeMs,
  sessionRefusal,
  shouldRotate,
} from "../../../convex/lib/sessionPolicy";

const HOUR = 3_600_000;
const session = { issuedAt: 0, expiresAt: 4 * HOUR };

describe("sessionLifetimeMs", () => {
  test("defaults to 24 hours and ignores nonsense", () => {
    expect(sessionLifetimeMs({})).toBe(24 * HOUR);
    expect(sessionLifetimeMs({ sessionLifetimeHours: 2 })).toBe(2 * HOUR);
    expect(sessionLifetimeMs({ sessionLifetimeHours: 0 })).toBe(24 * HOUR);
    expect(sessionLifetimeMs({ sessionLifetimeHours: Number.NaN })).toBe(24 * HOUR);
  });

  test("a test-only environment variable caps the lifetime in seconds", () => {
    const env = (value: string) => ({ [SESSION_LIFETIME_OVERRIDE_ENV]: value });
    expect(sessionLifetimeMs({}, env("5"))).toBe(5_000);
    expect(sessionLifetimeMs({ sessionLifetimeHours: 2 }, env(" 90 "))).toBe(90_000);
    // A cap, never an extension; nonsense is ignored.
    expect(sessionLifetimeMs({ sessionLifetimeHours: 1 }, env("7200"))).toBe(HOUR);
    for (const ignored of ["", "0", "-5", "1.5", "ten", "1e3"]) expect(sessionLifetimeMs({}, env(ignored))).toBe(24 * HOUR);
    expect(sessionLifetimeMs({}, {})).toBe(24 * HOUR);
  });

  test("clamps stored values to 1..168 hours", () => {
    expect(sessionLifetimeMs({ sessionLifetimeHours: 0.25 })).toBe(HOUR);
    expect(sessionLifetimeMs({ sessionLifetimeHours: 168 })).toBe(168 * HOUR);
    expect(sessionLifetimeMs({ sessionLifetimeHours: 10_000 })).toBe(168 * HOUR);
  });
});

describe("sessionRefusal", () => {
  test("valid until expiry, then expired; revoked from revokedAt on", () => {
    expect(sessionRefusal(session, 4 * HOUR - 1)).toBeNull();
    expect(sessionRefusal(session, 4 * HOUR)).toBe("expired");
    expect(sessionRefusal({ ...session, revokedAt: HOUR }, HOUR - 1)).toBeNull();
    expect(sessionRefusal({ ...session, revokedAt: HOUR }, HOUR)).toBe("revoked");
  });
});

describe("shouldRotate", () => {
  test("only once less than a quarter of the lifetime remains", () => {
    expect(shouldRotate(session, 3 * HOUR)).toBe(false); // exactly 25% left
    expect(shouldRotate(session, 3 * HOUR + 1)).toBe(true);
    expect(shouldRotate(session, 0)).toBe(false);
  });
});

describe("rotatedRevocationTime", () => {
  test("a grace period, never past the original expiry or an earlier revocation", () => {
    expect(rotatedRevocationTime(session, HOUR)).toBe(HOUR + ROTATION_GRACE_MS);
    expect(rotatedRevocationTime(session, 4 * HOUR - 1000)).toBe(4 * HOUR);
    expect(rotatedRevocationTime({ ...session, revokedAt: HOUR + 5 }, HOUR)).toBe(HOUR + 5);
  });
});

import { describe, expect, it } from "vitest";
import { assertEnvVar, parseEnvLines } from "../../../local-backend/engine/deployment-env";

describe("deployment variables", () => {
  it("takes names as Convex does (up to 255 characters) and refuses the deployment's own", () => {
    expect(() => assertEnvVar("OPENCOM_SESSION_LIFETIME_SECONDS_OVERRIDE", "4")).not.toThrow();
    expect(() => assertEnvVar("9LIVES", "x")).toThrow(/is invalid/);
    expect(() => assertEnvVar("A".repeat(256), "x")).toThrow(/is too long/);
    expect(() => assertEnvVar("CONVEX_SITE_URL", "x")).toThrow(/set by the deployment/);
    expect(() => assertEnvVar("BIG", "x".repeat(8 * 1024 + 1))).toThrow(/too large/);
  });

  it("reads env files: comments, blank lines, export and quotes", () => {
    expect(parseEnvLines('# note\n\nexport A=1\nB="two words"\nC=\'3\'\n', "f")).toEqual({ A: "1", B: "two words", C: "3" });
    expect(() => parseEnvLines("nonsense", "f")).toThrow(/f:1: expected NAME=VALUE/);
  });
});

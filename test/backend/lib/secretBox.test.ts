import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { openSecret, sealSecret, secretsKeysFrom } from "../../../convex/lib/secretBox";

const keyA = randomBytes(32).toString("base64");
const keyB = randomBytes(32).toString("hex");

describe("secret box", () => {
  test("seals and opens; the sealed text holds no plaintext and differs every time", async () => {
    const keys = await secretsKeysFrom(keyA);
    const first = await sealSecret("whsec_abc", "signing-secret", keys);
    const second = await sealSecret("whsec_abc", "signing-secret", keys);
    expect(first).toMatch(/^sb1\.[0-9a-f]{8}\.[\w-]{16}\.[\w-]+$/);
    expect(first).not.toContain("whsec_abc");
    expect(first).not.toBe(second);
    expect(await openSecret(first, "signing-secret", keys)).toBe("whsec_abc");
  });

  test("a box sealed for one purpose does not open for another; an altered box does not open", async () => {
    const keys = await secretsKeysFrom(keyA);
    const sealed = await sealSecret("password", "outgoing:header:authorization", keys);
    await expect(openSecret(sealed, "signing-secret", keys)).rejects.toThrow(/another purpose/);
    const parts = sealed.split(".");
    const data = parts[3] ?? "";
    const tampered = [...parts.slice(0, 3), (data[0] === "A" ? "B" : "A") + data.slice(1)].join(".");
    await expect(openSecret(tampered, "outgoing:header:authorization", keys)).rejects.toThrow(/altered/);
    await expect(openSecret("plain text", "x", keys)).rejects.toThrow(/Not a sealed secret/);
  });

  test("rotation: the first key seals, every listed key opens, a removed key is named", async () => {
    const oldKeys = await secretsKeysFrom(keyB);
    const sealedWithOld = await sealSecret("s", "p", oldKeys);
    const rotated = await secretsKeysFrom(`${keyA},${keyB}`);
    expect(await openSecret(sealedWithOld, "p", rotated)).toBe("s");
    expect((await sealSecret("s", "p", rotated)).split(".")[1]).toBe(rotated[0]?.id);
    await expect(openSecret(sealedWithOld, "p", await secretsKeysFrom(keyA))).rejects.toThrow(/is not in OPENCOM_SECRETS_KEY/);
  });

  test("a missing or malformed key says how to set one", async () => {
    await expect(secretsKeysFrom(undefined)).rejects.toThrow(/OPENCOM_SECRETS_KEY is not set.*openssl rand -base64 32/);
    await expect(secretsKeysFrom("c2hvcnQ=")).rejects.toThrow(/must be 32 bytes/);
  });
});

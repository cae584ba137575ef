import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import {
  gatewaySignature,
  opencomSignature,
  parseOpencomSignature,
  verifyGatewaySignature,
  verifyOpencomSignature,
} from "../../../convex/lib/signatures";

const body = '{"id":"evt_1","type":"message.created","data":{"text":"héllo"}}';
const nodeHmac = (secret: string, text: string) => createHmac("sha256", secret).update(text).digest("hex");

describe("Opencom-Signature", () => {
  test("is t=<seconds>,v1=<HMAC of '<t>.<body>'>, one v1 per secret", async () => {
    const header = await opencomSignature(["whsec_new", "whsec_old"], body, 1_700_000_000.9);
    expect(header).toBe(`t=1700000000,v1=${nodeHmac("whsec_new", `1700000000.${body}`)},v1=${nodeHmac("whsec_old", `1700000000.${body}`)}`);
    expect(parseOpencomSignature(header)?.signatures).toHaveLength(2);
  });

  test("verifies with either secret within the tolerance, and not outside it", async () => {
    const header = await opencomSignature(["a", "b"], body, 1000);
    expect(await verifyOpencomSignature({ header, body, secrets: ["b"], nowSeconds: 1000 + 299 })).toEqual({ ok: true });
    expect(await verifyOpencomSignature({ header, body, secrets: ["a"], nowSeconds: 1000 - 300 })).toEqual({ ok: true });
    expect(await verifyOpencomSignature({ header, body, secrets: ["a"], nowSeconds: 1000 + 301 })).toEqual({ ok: false, reason: "too_old" });
    expect(await verifyOpencomSignature({ header, body, secrets: ["c"], nowSeconds: 1000 })).toEqual({ ok: false, reason: "mismatch" });
    expect(await verifyOpencomSignature({ header, body: body + " ", secrets: ["a"], nowSeconds: 1000 })).toEqual({ ok: false, reason: "mismatch" });
  });

  test("a forged timestamp breaks the signature", async () => {
    const header = await opencomSignature(["a"], body, 1000);
    const moved = header.replace("t=1000", "t=2000");
    expect(await verifyOpencomSignature({ header: moved, body, secrets: ["a"], nowSeconds: 2000 })).toEqual({ ok: false, reason: "mismatch" });
  });

  test("malformed headers are refused; unknown schemes ignored", async () => {
    for (const header of ["", "t=1", "v1=" + "a".repeat(64), "t=abc,v1=" + "a".repeat(64), "t=1,v1=XYZ", "garbage"]) {
      expect(parseOpencomSignature(header), header).toBeNull();
    }
    expect(parseOpencomSignature(`t=5,v2=zzz,v1=${"0".repeat(64)}`)).toEqual({ timestamp: 5, signatures: ["0".repeat(64)] });
  });
});

describe("X-Opencom-Sign (gateway)", () => {
  test("is the lowercase hex HMAC of the raw body", async () => {
    expect(await gatewaySignature("app-secret", body)).toBe(nodeHmac("app-secret", body));
    expect(await verifyGatewaySignature(nodeHmac("app-secret", body), body, "app-secret")).toBe(true);
    expect(await verifyGatewaySignature(nodeHmac("other", body), body, "app-secret")).toBe(false);
    expect(await verifyGatewaySignature(null, body, "app-secret")).toBe(false);
  });
});

import { afterEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import { createWorkspace, expectAppError } from "../helpers";
import { engagementSetup, insertContent, MODAL_STEP, POINTER_STEP, rest } from "./support";

afterEach(() => vi.useRealTimers());

async function authoringSetup() {
  const setup = await engagementSetup();
  const { t, workspaceId } = setup;
  const tourId = await insertContent(t, "tours", workspaceId, { name: "Intro", steps: [MODAL_STEP, POINTER_STEP] });
  const tooltipId = await insertContent(t, "tooltips", workspaceId, { name: "Tip", body: "Psst" });
  const mint = (body: unknown) => rest(t, "POST", "/api/v1/authoring-tokens", body);
  return { ...setup, tourId, tooltipId, mint };
}

describe("authoring tokens", () => {
  test("a token describes its tour step and saves the picked selector on it", async () => {
    const { t, tourId, mint } = await authoringSetup();
    const before = Date.now();
    const minted = await mint({ target: { type: "tourStep", tourId, stepIndex: 0 }, pageUrl: "https://shop.example.com/cart?x=1" });
    expect(minted.status).toBe(201);
    const { token, expiresAt, url } = minted.json.data;
    expect(token).toMatch(/^oat_[A-Za-z0-9_-]{43}$/);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 30 * 60_000);
    expect(url).toBe(`https://shop.example.com/cart?x=1#opencom-authoring=${token}`);

    const described = await t.query(api.authoring.describe, { authoringToken: token });
    expect(described).toEqual({
      expiresAt,
      target: {
        type: "tourStep",
        tourId,
        tourName: "Intro",
        stepIndex: 0,
        stepCount: 2,
        step: { kind: "modal", title: "Hello", selector: null },
      },
    });

    const saved = await t.mutation(api.authoring.saveSelector, { authoringToken: token, selector: ' [data-tour="cart"] ' });
    expect(saved.target).toMatchObject({ step: { kind: "pointer", selector: '[data-tour="cart"]' } });
    const tour = await t.run(async (ctx) => ctx.db.get("tours", tourId as never));
    expect((tour as { steps: unknown[] }).steps).toEqual([
      { ...MODAL_STEP, kind: "pointer", selector: '[data-tour="cart"]' },
      POINTER_STEP,
    ]);
    // Only the hash is stored.
    const rows = await t.run(async (ctx) => ctx.db.query("authoringTokens").collect());
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]?.lastUsedAt).toEqual(expect.any(Number));
  });

  test("a tooltip token saves the selector, after which the tooltip is served", async () => {
    const { t, alice, tooltipId, mint } = await authoringSetup();
    const { token } = (await mint({ target: { type: "tooltip", tooltipId }, ttlMinutes: 5 })).json.data;
    expect((await mint({ target: { type: "tooltip", tooltipId } })).json.data.url).toBeUndefined();
    const url = "https://shop.example.com/";
    expect(await t.query(api.tooltips.getActiveForVisitor, { sessionToken: alice.sessionToken, url })).toEqual([]);
    await t.mutation(api.authoring.saveSelector, { authoringToken: token, selector: "#buy" });
    expect(await t.query(api.tooltips.getActiveForVisitor, { sessionToken: alice.sessionToken, url })).toEqual([
      expect.objectContaining({ id: tooltipId, selector: "#buy" }),
    ]);
    await expectAppError(
      t.mutation(api.authoring.saveSelector, { authoringToken: token, selector: "  " }),
      "INVALID_ARGUMENT",
      "selector",
    );
    await expectAppError(
      t.mutation(api.authoring.saveSelector, { authoringToken: token, selector: "a\nb" }),
      "INVALID_ARGUMENT",
      "selector",
    );
  });

  test("expired tokens are refused with AUTHORING_TOKEN_EXPIRED", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    const { t, tooltipId, mint } = await authoringSetup();
    const { token } = (await mint({ target: { type: "tooltip", tooltipId }, ttlMinutes: 1 })).json.data;
    vi.setSystemTime(start + 59_000);
    await expect(t.query(api.authoring.describe, { authoringToken: token })).resolves.toBeTruthy();
    vi.setSystemTime(start + 60_000);
    await expectAppError(t.query(api.authoring.describe, { authoringToken: token }), "AUTHORING_TOKEN_EXPIRED");
    await expectAppError(
      t.mutation(api.authoring.saveSelector, { authoringToken: token, selector: "#x" }),
      "AUTHORING_TOKEN_EXPIRED",
    );
  });

  test("unknown, malformed and orphaned tokens are refused with AUTHORING_TOKEN_INVALID", async () => {
    const { t, tourId, mint } = await authoringSetup();
    for (const bogus of ["", "oat_nope", "wst_session-token", "x".repeat(500)]) {
      await expectAppError(t.query(api.authoring.describe, { authoringToken: bogus }), "AUTHORING_TOKEN_INVALID");
    }
    const { token } = (await mint({ target: { type: "tourStep", tourId, stepIndex: 1 } })).json.data;
    // The step disappears: the token no longer points anywhere.
    await rest(t, "PATCH", `/api/v1/tours/${tourId}`, { steps: [MODAL_STEP] });
    await expectAppError(t.query(api.authoring.describe, { authoringToken: token }), "AUTHORING_TOKEN_INVALID");
    await rest(t, "DELETE", `/api/v1/tours/${tourId}`);
    await expectAppError(
      t.mutation(api.authoring.saveSelector, { authoringToken: token, selector: "#x" }),
      "AUTHORING_TOKEN_INVALID",
    );
  });

  test("minting validates the body and the target", async () => {
    const { t, tourId, mint } = await authoringSetup();
    const bad = await mint({ target: { type: "tourStep", tourId, stepIndex: 2 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toEqual({ "target.stepIndex": expect.any(String) });
    expect((await mint({ target: { type: "tooltip", tooltipId: "nope" } })).status).toBe(404);
    expect((await mint({ target: { type: "page" } })).json.error.fields).toHaveProperty("target.type");
    expect((await mint({ target: { type: "tooltip", tooltipId: "x" }, ttlMinutes: 0 })).json.error.fields).toHaveProperty(
      "ttlMinutes",
    );
    expect((await mint({ target: { type: "tooltip", tooltipId: "x" }, pageUrl: "javascript:alert(1)" })).status).toBe(400);
    expect((await rest(t, "POST", "/api/v1/authoring-tokens", { target: { type: "tooltip", tooltipId: "x" } }, null)).status).toBe(401);

    const otherId = await createWorkspace(t, { publicId: "other" });
    const otherKey = "oc_live_other-authoring-key-00000000000";
    await t.mutation(internal.apiKeys.createWithKey, { workspaceId: otherId, name: "o", key: otherKey });
    const foreign = await rest(t, "POST", "/api/v1/authoring-tokens", { target: { type: "tourStep", tourId, stepIndex: 0 } }, otherKey);
    expect(foreign.status).toBe(404);
  });
});

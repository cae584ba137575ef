import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { messengerSetup, rest } from "../messenger/support";
import { PNG } from "../messenger/uploads";

/*
 * Help-center images used to load from any host, telling it every reader's
 * address. Now only the workspace's stored images and its own sites may serve them.
 */

async function postImage(t: Awaited<ReturnType<typeof messengerSetup>>["t"], bytes: number[]) {
  const response = await t.fetch("/api/v1/articles/images", {
    method: "POST",
    headers: { Authorization: "Bearer oc_live_messenger-tests-key-000000000000", "Content-Type": "image/png" },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, json: await response.json() };
}

describe("help-center images", () => {
  test("an article with an image from a foreign host is refused; stored and own-site images are accepted", async () => {
    const { t } = await messengerSetup();
    const tracker = await rest(t, "POST", "/api/v1/articles", { title: "Hi", status: "published", body: "![x](https://tracker.example.net/pixel.gif)" });
    expect(tracker.status).toBe(400);
    expect(tracker.json.error.fields).toHaveProperty("body");

    const uploaded = await postImage(t, PNG);
    expect(uploaded.status).toBe(201);
    expect(uploaded.json.data.url).toMatch(/\/widget\/files\/[A-Za-z0-9_-]{43}$/);
    const served = await t.fetch(new URL(uploaded.json.data.url).pathname);
    expect(served.headers.get("Content-Type")).toBe("image/png");
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const body = `Look:\n\n![Stored](${uploaded.json.data.url})\n\n![Own site](https://shop.example.com/logo.png)`;
    expect((await rest(t, "POST", "/api/v1/articles", { title: "Ok", status: "published", body })).status).toBe(201);
    expect((await postImage(t, [...PNG, ...new TextEncoder().encode("<script>x</script>")])).status).toBe(400);
    expect((await postImage(t, [...new TextEncoder().encode("plain text")])).status).toBe(400);
  });

  test("another workspace's stored image is refused; old articles lose foreign images when served", async () => {
    const { t, workspaceId, alice } = await messengerSetup();
    const other = await t.fetch("/api/v1/articles/images", {
      method: "POST",
      headers: { Authorization: "Bearer oc_live_messenger-tests-other-key-00000" },
      body: new Uint8Array(PNG),
    });
    const foreignStored = ((await other.json()) as { data: { url: string } }).data.url;
    const refused = await rest(t, "POST", "/api/v1/articles", { title: "X", status: "published", body: `![a](${foreignStored})` });
    expect(refused.status).toBe(400);

    // An article stored before the rule (written directly, as old data would be).
    const articleId = await t.run(async (ctx) =>
      ctx.db.insert("articles", {
        workspaceId,
        title: "Old",
        body: "Before\n![Tracking pixel](https://tracker.example.net/p.gif)\nAfter",
        status: "published",
        order: 0,
        createdAt: 0,
        updatedAt: 0,
      }),
    );
    const shown = await t.query(api.articles.get, { sessionToken: alice.sessionToken, articleId });
    expect(shown.body).toBe("Before\nTracking pixel\nAfter");
  });
});

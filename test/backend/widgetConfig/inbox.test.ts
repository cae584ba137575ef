import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { newBackend } from "../helpers";
import { twoTeams, useAuthEnvironment } from "../inbox/support";

useAuthEnvironment();

describe("the inbox's Theme page functions", () => {
  test("admins read and change the default configuration with its ETag; agents and other workspaces cannot", async () => {
    const t = newBackend();
    const { acme, acmeAdmin, acmeAgent, globexAdmin } = await twoTeams(t);
    const workspaceId = acme as string;
    await expect(acmeAgent.client.query(api.widgetConfigurations.defaultForInbox, { workspaceId })).rejects.toThrow(/admin/);
    await expect(globexAdmin.client.query(api.widgetConfigurations.defaultForInbox, { workspaceId })).rejects.toThrow(/not a member/);
    const current = (await acmeAdmin.client.query(api.widgetConfigurations.defaultForInbox, { workspaceId }))!;
    const change = { workspaceId, theme: { primaryColor: "#0f766e" }, layout: { zIndex: 5000 } };
    await expect(acmeAgent.client.mutation(api.widgetConfigurations.updateDefaultFromInbox, { ...change, etag: current.etag })).rejects.toThrow(/admin/);
    const saved = await acmeAdmin.client.mutation(api.widgetConfigurations.updateDefaultFromInbox, { ...change, etag: current.etag });
    expect(saved).toMatchObject({ kind: "ok", view: { theme: { primaryColor: "#0f766e" }, layout: { zIndex: 5000 } } });
    // The same ETag again: someone changed it meanwhile.
    const stale = await acmeAdmin.client.mutation(api.widgetConfigurations.updateDefaultFromInbox, { ...change, etag: current.etag });
    expect(stale).toMatchObject({ kind: "refused", status: 412 });
    const now = (await acmeAdmin.client.query(api.widgetConfigurations.defaultForInbox, { workspaceId }))!;
    const unreadable = await acmeAdmin.client.mutation(api.widgetConfigurations.updateDefaultFromInbox, { workspaceId, etag: now.etag, theme: { primaryColor: "#7a7a7a" }, layout: {} });
    expect(unreadable).toMatchObject({ kind: "refused", status: 400, fields: { "theme.primaryColor": expect.stringMatching(/4\.2\d:1/) } });
  });
});

// Companies: identify names a user's company; operators see companies and their people in
// Contacts; a required-mode workspace takes a company only with a proof of the user.
import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { bootVisitor, createWorkspace, expectAppError, newBackend, TEST_SECRET } from "../helpers";
import { userHashFor } from "../signing";
import { signedInOperator, twoTeams, useAuthEnvironment } from "./support";

useAuthEnvironment();

const acmeCorp = { id: "co_42", name: "Acme Corp", plan: "pro", size: 120, website: "https://acme.example", industry: "Retail", customAttributes: { tier: "gold" } };

describe("companies", () => {
  test("boot and identify create the company once, update what the host says of it, and link each person", async () => {
    const t = newBackend();
    const { acme, acmeAgent } = await twoTeams(t);
    const ada = await bootVisitor(t, "browser-ada", "acme", { userId: "ada", email: "ada@acme.example", company: acmeCorp });
    const bob = await bootVisitor(t, "browser-bob", "acme");
    await t.mutation(api.visitors.identify, { sessionToken: bob.sessionToken, user: { userId: "bob", name: "Bob", company: { id: "co_42", plan: "enterprise", customAttributes: { seats: 30 } } } });

    const agent = acmeAgent.client;
    const companies = await agent.query(api.inboxCompanies.list, { workspaceId: acme, search: "", limit: 10 });
    expect(companies).toEqual([
      expect.objectContaining({
        externalId: "co_42",
        name: "Acme Corp",
        plan: "enterprise",
        size: 120,
        website: "https://acme.example",
        industry: "Retail",
        customAttributes: { tier: "gold", seats: 30 },
      }),
    ]);
    const people = await agent.query(api.inboxCompanies.people, { workspaceId: acme, companyId: companies[0]!._id });
    expect(people.map((person) => person._id).sort()).toEqual([ada.visitorId, bob.visitorId].sort());
    expect(await agent.query(api.inboxCompanies.list, { workspaceId: acme, search: "acme c", limit: 10 })).toHaveLength(1);
    expect(await agent.query(api.inboxCompanies.list, { workspaceId: acme, search: "globex", limit: 10 })).toEqual([]);
    const contacts = await agent.query(api.inboxContacts.list, { workspaceId: acme, search: "ada", limit: 10 });
    expect(contacts[0]?.companyId).toBe(companies[0]!._id);
  });

  test("every field of a company is checked and named; nothing is stored on a refusal", async () => {
    const t = newBackend();
    const { acme, acmeAdmin } = await twoTeams(t);
    const refused: [Record<string, unknown>, string][] = [
      [{ id: " " }, "user.company.id"],
      [{ id: "x".repeat(256) }, "user.company.id"],
      [{ id: "co", name: "n".repeat(256) }, "user.company.name"],
      [{ id: "co", website: "javascript:alert(1)" }, "user.company.website"],
      [{ id: "co", size: -1 }, "user.company.size"],
      [{ id: "co", size: 1.5 }, "user.company.size"],
      [{ id: "co", plan: "p".repeat(101) }, "user.company.plan"],
    ];
    for (const [company, field] of refused) {
      await expectAppError(bootVisitor(t, `browser-${field}-${JSON.stringify(company).length}`, "acme", { userId: "u", company: company as never }), "INVALID_ARGUMENT", field);
    }
    expect(await acmeAdmin.client.query(api.inboxCompanies.list, { workspaceId: acme, search: "", limit: 10 })).toEqual([]);
  });

  test("in required mode a company comes only with a proof of the user", async () => {
    const t = newBackend();
    await createWorkspace(t, { identityVerificationMode: "required" });
    await expectAppError(bootVisitor(t, "anonymous", "acme", { company: { id: "victim-co" } }), "IDENTITY_VERIFICATION_FAILED", "user.company");
    const proven = await bootVisitor(t, "proven", "acme", { userId: "u1", userHash: userHashFor(TEST_SECRET, "u1"), company: { id: "co_1", name: "Real" } });
    const visitor = await t.run((ctx) => ctx.db.get(proven.visitorId));
    expect(visitor?.companyId).toBeDefined();
  });

  test("only members of the workspace read its companies", async () => {
    const t = newBackend();
    const { acme, globexAdmin } = await twoTeams(t);
    await bootVisitor(t, "browser-ada", "acme", { userId: "ada", company: acmeCorp });
    const outsider = await signedInOperator(t, null, "admin");
    const [company] = await t.run((ctx) => ctx.db.query("companies").collect());
    await expectAppError(globexAdmin.client.query(api.inboxCompanies.list, { workspaceId: acme, search: "", limit: 10 }), "FORBIDDEN");
    await expectAppError(globexAdmin.client.query(api.inboxCompanies.people, { workspaceId: acme, companyId: company!._id }), "FORBIDDEN");
    await expectAppError(outsider.client.query(api.inboxCompanies.list, { workspaceId: acme, search: "", limit: 10 }), "FORBIDDEN");
    await expectAppError(t.query(api.inboxCompanies.list, { workspaceId: acme, search: "", limit: 10 }), "UNAUTHENTICATED");
  });
});

import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";
import type { CompanyInput } from "../lib/validators";

/** A company is written at most this often for the same visitor: every boot re-identifies. */
const COMPANY_TOUCH_MS = 60_000;

/**
 * Links the visitor to the company identify named, creating the company the first time
 * its id is seen in the workspace and updating what the host says of it after that
 * (fields left out keep their values; custom attributes merge key by key).
 */
export async function linkVisitorCompany(
  db: DatabaseWriter,
  visitor: Doc<"visitors">,
  input: CompanyInput,
  now: number,
): Promise<Id<"companies">> {
  const externalId = input.id.trim();
  const existing = await db
    .query("companies")
    .withIndex("by_workspace_external", (q) => q.eq("workspaceId", visitor.workspaceId).eq("externalId", externalId))
    .unique();
  const described = companyFields(input);
  let companyId: Id<"companies">;
  if (existing === null) {
    const customAttributes = input.customAttributes === undefined ? {} : { customAttributes: input.customAttributes };
    companyId = await db.insert("companies", { workspaceId: visitor.workspaceId, externalId, ...described, ...customAttributes, createdAt: now, lastSeenAt: now });
  } else {
    companyId = existing._id;
    const customAttributes =
      input.customAttributes === undefined ? existing.customAttributes : { ...existing.customAttributes, ...input.customAttributes };
    const changed =
      Object.entries(described).some(([key, value]) => existing[key as keyof typeof described] !== value) ||
      JSON.stringify(customAttributes) !== JSON.stringify(existing.customAttributes);
    if (changed || now - existing.lastSeenAt >= COMPANY_TOUCH_MS) {
      await db.patch("companies", existing._id, { ...described, ...(customAttributes === undefined ? {} : { customAttributes }), lastSeenAt: now });
    }
  }
  if (visitor.companyId !== companyId) await db.patch("visitors", visitor._id, { companyId });
  return companyId;
}

type DescribedFields = Partial<Pick<Doc<"companies">, "name" | "plan" | "size" | "website" | "industry">>;

function companyFields(input: CompanyInput): DescribedFields {
  const fields: DescribedFields = {};
  if (input.name !== undefined) fields.name = input.name.trim();
  if (input.plan !== undefined) fields.plan = input.plan.trim();
  if (input.size !== undefined) fields.size = input.size;
  if (input.website !== undefined) fields.website = input.website.trim();
  if (input.industry !== undefined) fields.industry = input.industry.trim();
  return fields;
}

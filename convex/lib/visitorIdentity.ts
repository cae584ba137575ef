import type { Attributes, CompanyInput, UserInput } from "./validators";

/**
 * What we believe about a visitor's user. `unverifiedClaims` takes the page's
 * word for it; `lib/identity.ts` produces the same shape with `verified: true`
 * once a `userHash` or `userJwt` checks out against the workspace secret.
 */
export type IdentityClaims = {
  userId?: string;
  email?: string;
  name?: string;
  customAttributes?: Attributes;
  /** Not a visitor field: the company the visitor is linked to (model/companies.ts). */
  company?: CompanyInput;
  verified: boolean;
};

export function unverifiedClaims(user: UserInput): IdentityClaims {
  const claims: IdentityClaims = { verified: false };
  if (user.userId !== undefined) claims.userId = user.userId.trim();
  if (user.email !== undefined) claims.email = user.email.trim();
  if (user.name !== undefined) claims.name = user.name.trim();
  if (user.customAttributes !== undefined) claims.customAttributes = user.customAttributes;
  if (user.company !== undefined) claims.company = user.company;
  return claims;
}

type VisitorIdentityFields = {
  userId?: string;
  email?: string;
  name?: string;
  customAttributes?: Attributes;
  identified: boolean;
  verified: boolean;
};

/**
 * The visitor fields after applying `claims`. Fields the claims leave out keep
 * their current values; custom attributes merge key by key.
 * A verified visitor stays verified only while the same user id is claimed.
 */
export function applyClaims(current: VisitorIdentityFields, claims: IdentityClaims): VisitorIdentityFields {
  const userId = claims.userId ?? current.userId;
  const sameUser = userId === current.userId;
  const next: VisitorIdentityFields = {
    identified: userId !== undefined,
    verified: claims.verified || (sameUser && current.verified),
  };
  if (userId !== undefined) next.userId = userId;
  const email = claims.email ?? current.email;
  if (email !== undefined) next.email = email;
  const name = claims.name ?? current.name;
  if (name !== undefined) next.name = name;
  if (current.customAttributes !== undefined || claims.customAttributes !== undefined) {
    next.customAttributes = { ...current.customAttributes, ...claims.customAttributes };
  }
  return next;
}

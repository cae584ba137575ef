import { Password } from "@convex-dev/auth/providers/Password";
import { convexAuth } from "@convex-dev/auth/server";
import { invalidArgument } from "./lib/errors";
import { normalizeOperatorEmail } from "./lib/operatorRules";
import { acceptInviteForNewUser } from "./model/invites";

/*
 * Operators sign in with Convex Auth's Password provider: passwords are hashed with Scrypt,
 * tokens are RS256 JWTs this deployment signs and serves the keys of (auth.config.ts).
 * Nobody signs up on their own: a new account needs an invite link for the same email,
 * and joins the invite's workspace with its role in the same transaction.
 */
export const { auth, signIn, signOut, store, isAuthenticated } = convexAuth({
  providers: [
    Password({
      profile(params) {
        const email = normalizeOperatorEmail(params.email);
        const inviteToken = typeof params.inviteToken === "string" ? params.inviteToken : undefined;
        const name = typeof params.name === "string" ? params.name.trim().slice(0, 100) : undefined;
        return { email, ...(inviteToken !== undefined ? { inviteToken } : {}), ...(name ? { name } : {}) };
      },
      validatePasswordRequirements(password) {
        if (password.length < 10) throw invalidArgument("password", "The password must be at least 10 characters.");
        if (password.length > 200) throw invalidArgument("password", "The password must be at most 200 characters.");
      },
    }),
  ],
  // Failed sign-ins per account: 10 an hour, refilling continuously (Convex Auth's limiter).
  signIn: { maxFailedAttempsPerHour: 10 },
  callbacks: {
    async createOrUpdateUser(ctx, args) {
      if (args.existingUserId !== null) return args.existingUserId;
      return await acceptInviteForNewUser(ctx, args.profile);
    },
  },
});

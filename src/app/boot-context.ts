import type { ResolvedConfig } from "../sdk/config";
import type { UserIdentity } from "../sdk/types";
import { browserLocale, detectDevice } from "../runtime/device";
import { userForReboot } from "../runtime/identity";
import type { BootContext } from "../runtime/session";

/**
 * What boot tells the server about this page and visitor. `rebooting`: a later boot of the
 * same visitor leaves out a user whose JWT has expired since (see userForReboot).
 */
export function bootContext(win: Window, config: ResolvedConfig, user: UserIdentity | undefined, rebooting: boolean): BootContext {
  const sentUser = rebooting ? userForReboot(user, Date.now()) : user;
  return {
    origin: win.location.origin,
    url: win.location.href,
    device: { ...detectDevice(win.navigator.userAgent, win.navigator.maxTouchPoints), ...browserLocale(win) },
    ...(win.document.referrer ? { referrer: win.document.referrer } : {}),
    ...(config.onboardingVerificationToken ? { onboardingVerificationToken: config.onboardingVerificationToken } : {}),
    ...(config.clientIdentifier ? { clientIdentifier: config.clientIdentifier } : {}),
    ...(sentUser ? { user: sentUser } : {}),
  };
}

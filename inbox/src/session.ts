import type { ConvexClient, ConvexHttpClient } from "convex/browser";
import { api } from "../../convex/_generated/api";

/*
 * Operator sign-in with Convex Auth, driven through the plain ConvexClient: Convex Auth's
 * own client is written for React. Tokens live in localStorage (the inbox has an origin of
 * its own). The JWT expires after an hour; the ConvexClient asks for a fresh one before
 * then, and we trade the refresh token for a new pair. Sign-in and refresh go through an
 * unauthenticated HTTP client, because the socket client waits for its token while they run.
 */

const TOKEN_KEY = "opencom-inbox:token";
const REFRESH_KEY = "opencom-inbox:refreshToken";

type Tokens = { token: string; refreshToken: string };
type SignInResult = { tokens?: Tokens | null };
export type AuthState = "signedOut" | "signedIn";

export class AuthSession {
  private current: AuthState;
  private refreshing: Promise<string | null> | null = null;
  private readonly listeners = new Set<(state: AuthState) => void>();
  private readonly onStorage = (event: StorageEvent) => {
    // Another tab signed out: so does this one.
    if (event.key === REFRESH_KEY && event.newValue === null) this.forget();
  };

  constructor(
    private readonly client: ConvexClient,
    private readonly http: ConvexHttpClient,
    private readonly storage: Storage,
    private readonly win: Window,
  ) {
    win.addEventListener("storage", this.onStorage);
    this.current = this.storage.getItem(REFRESH_KEY) === null ? "signedOut" : "signedIn";
    if (this.current === "signedIn") this.attach();
  }

  get state(): AuthState {
    return this.current;
  }

  /** The server no longer knows this session (signed out on another device): forget it here. */
  expired(): void {
    this.forget();
  }

  subscribe(listener: (state: AuthState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Throws Convex Auth's error when the email or password is wrong or the account is locked. */
  async signIn(email: string, password: string): Promise<void> {
    await this.exchange({ provider: "password", params: { flow: "signIn", email, password } });
  }

  /** First sign-in from an invite link: creates the account and the membership. */
  async signUp(email: string, password: string, name: string, inviteToken: string): Promise<void> {
    await this.exchange({ provider: "password", params: { flow: "signUp", email, password, name, inviteToken } });
  }

  async signOut(everywhere = false): Promise<void> {
    try {
      if (everywhere) await this.client.action(api.members.signOutEverywhere, {});
      else await this.client.action(api.auth.signOut, {});
    } finally {
      this.forget();
    }
  }

  dispose(): void {
    this.win.removeEventListener("storage", this.onStorage);
  }

  private async exchange(args: Record<string, unknown>): Promise<void> {
    const result = (await this.http.action(api.auth.signIn, args as never)) as SignInResult;
    if (!result.tokens) throw new Error("Sign-in did not complete.");
    this.store(result.tokens);
    this.attach();
    this.current = "signedIn";
    this.emit();
  }

  private attach(): void {
    this.client.setAuth(
      ({ forceRefreshToken }) => this.token(forceRefreshToken),
      (authenticated) => {
        if (!authenticated) this.forget();
      },
    );
  }

  private async token(forceRefresh: boolean): Promise<string | null> {
    const token = this.storage.getItem(TOKEN_KEY);
    if (!forceRefresh && token !== null) return token;
    // One refresh at a time: a refresh token is single-use.
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = null));
    return await this.refreshing;
  }

  private async refresh(): Promise<string | null> {
    const refreshToken = this.storage.getItem(REFRESH_KEY);
    if (refreshToken === null) return null;
    try {
      const result = (await this.http.action(api.auth.signIn, { refreshToken } as never)) as SignInResult;
      if (!result.tokens) {
        this.forget();
        return null;
      }
      this.store(result.tokens);
      return result.tokens.token;
    } catch (error) {
      // fetch() fails with a TypeError when offline or while the backend restarts: keep the
      // session and let the client retry. Anything else is the server refusing the token.
      if (error instanceof TypeError) return this.storage.getItem(TOKEN_KEY);
      this.forget();
      return null;
    }
  }

  private store(tokens: Tokens): void {
    this.storage.setItem(TOKEN_KEY, tokens.token);
    this.storage.setItem(REFRESH_KEY, tokens.refreshToken);
  }

  private forget(): void {
    this.storage.removeItem(TOKEN_KEY);
    this.storage.removeItem(REFRESH_KEY);
    if (this.current === "signedOut") return;
    this.current = "signedOut";
    this.client.setAuth(async () => null);
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.state);
  }
}

// One client WebSocket: its query set, identity and state version. Messages are handled in
// order (as Convex orders a client's mutations), except actions, which run concurrently.
import type { WebSocket } from "ws";
import type { JSONValue } from "convex/values";
import { identityFromAttributes } from "../engine/admin-key";
import type { UserIdentity } from "../engine/auth";
import type { Engine } from "../engine/engine";
import { mutationRequestKey } from "./request-key";
import { encodeTs, encodeVersion, parseClientMessage, type ClientMessage, type StateVersion } from "./protocol";
import { modificationFor, type QueryAccess, type QueryListener, type QueryModification, type QueryRegistry, type SharedQuery } from "./query-registry";

interface Subscription {
  query: SharedQuery;
  sentHash: string | null;
}

const PING_INTERVAL_MS = 15_000;
const ADMIN_ONLY = "Only admin auth can call component functions";
/** Far above what an app's screens hold at once; a cap keeps one socket from pinning unbounded work. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 1_000;
const TOO_MANY_SUBSCRIPTIONS = `Too many subscriptions on one connection (limit: ${MAX_SUBSCRIPTIONS_PER_CONNECTION}): remove a query before adding another`;

export class Connection implements QueryListener {
  private version: StateVersion = { querySet: 0, identity: 0, ts: 0n };
  private readonly subscriptions = new Map<number, Subscription>();
  private identity: UserIdentity | null = null;
  /** Authenticated with the admin key: internal and component functions are allowed. */
  private admin = false;
  private sessionId = "";
  private queue: Promise<void> = Promise.resolve();
  /** The newest mutation timestamp this client is waiting to see in a Transition. */
  private awaitingTs: bigint | null = null;
  private closed = false;
  private readonly ping: ReturnType<typeof setInterval>;

  constructor(
    private readonly socket: WebSocket,
    private readonly engine: Engine,
    private readonly registry: QueryRegistry,
    private readonly peer: { ip: string | null; userAgent: string | null },
  ) {
    registry.addListener(this);
    socket.on("message", (data) => this.received(String(data)));
    socket.on("close", () => this.dispose());
    socket.on("error", () => this.dispose());
    this.ping = setInterval(() => this.send({ type: "Ping" }), PING_INTERVAL_MS);
  }

  pushUpdates(ts: bigint): void {
    const modifications: QueryModification[] = [];
    for (const [queryId, subscription] of this.subscriptions) {
      const { query } = subscription;
      if (query.result === undefined || query.resultHash === subscription.sentHash) continue;
      const modification = modificationFor(queryId, query);
      if (modification === null) continue;
      modifications.push(modification);
      subscription.sentHash = query.resultHash;
    }
    const ackDue = this.awaitingTs !== null && this.awaitingTs <= ts;
    if (modifications.length === 0 && !ackDue) return;
    if (ackDue) this.awaitingTs = null;
    this.transition({ ...this.version, ts: maxTs(this.version.ts, ts) }, modifications);
  }

  private received(raw: string): void {
    const parsed = parseClientMessage(raw);
    if (!parsed.ok) {
      this.fatal(parsed.error);
      return;
    }
    const message = parsed.message;
    if (message.type === "Action") {
      void this.runAction(message);
      return;
    }
    this.queue = this.queue.then(() => this.handle(message)).catch((error: unknown) => this.fatal(`Internal error: ${(error as Error).message}`));
  }

  private async handle(message: ClientMessage): Promise<void> {
    if (this.closed) return;
    switch (message.type) {
      case "Connect":
        this.sessionId = message.sessionId;
        return;
      case "ModifyQuerySet":
        return this.modifyQuerySet(message);
      case "Mutation":
        return this.runMutation(message);
      case "Authenticate":
        return this.authenticate(message);
      case "Event":
        return;
      case "Action":
        return;
    }
  }

  private async modifyQuerySet(message: Extract<ClientMessage, { type: "ModifyQuerySet" }>): Promise<void> {
    if (message.baseVersion !== this.version.querySet) {
      this.fatal(`Invalid query set base version ${message.baseVersion}, expected ${this.version.querySet}`);
      return;
    }
    const ts = this.engine.ts;
    const modifications: QueryModification[] = [];
    for (const change of message.modifications) {
      this.unsubscribe(change.queryId);
      if (change.type === "Remove") {
        modifications.push({ type: "QueryRemoved", queryId: change.queryId });
        continue;
      }
      const refusal = change.componentPath && !this.admin ? ADMIN_ONLY : this.subscriptions.size >= MAX_SUBSCRIPTIONS_PER_CONNECTION ? TOO_MANY_SUBSCRIPTIONS : null;
      if (refusal !== null) {
        modifications.push({ type: "QueryFailed", queryId: change.queryId, errorMessage: refusal, logLines: [], journal: null });
        continue;
      }
      const query = this.registry.acquire(change.udfPath, change.args[0] as JSONValue, this.identity, change.journal ?? null, this.access(change.componentPath));
      this.subscriptions.set(change.queryId, { query, sentHash: null });
      await this.registry.refresh(query);
    }
    for (const change of message.modifications) {
      const subscription = change.type === "Add" ? this.subscriptions.get(change.queryId) : undefined;
      if (subscription === undefined) continue;
      const modification = modificationFor(change.queryId, subscription.query);
      if (modification === null) continue;
      modifications.push(modification);
      subscription.sentHash = subscription.query.resultHash;
    }
    this.transition({ ...this.version, querySet: message.newVersion, ts: maxTs(this.version.ts, ts) }, modifications);
  }

  private async runMutation(message: Extract<ClientMessage, { type: "Mutation" }>): Promise<void> {
    if (message.componentPath && !this.admin) {
      this.send({ type: "MutationResponse", requestId: message.requestId, success: false, result: ADMIN_ONLY, logLines: [] });
      return;
    }
    const args = message.args[0] as JSONValue;
    const access = this.access(message.componentPath);
    const call = { udfPath: message.udfPath, args, componentPath: access.componentPath, identity: this.identity, admin: this.admin };
    const result = await this.engine.runMutation(message.udfPath, args, {
      identity: this.identity,
      ...access,
      ...(this.sessionId ? { requestKey: mutationRequestKey(this.sessionId, message.requestId, call) } : {}),
      ...this.peer,
    });
    if (!result.ok) {
      this.send({ type: "MutationResponse", requestId: message.requestId, success: false, result: result.errorMessage, logLines: result.logLines, ...errorData(result.errorData) });
      return;
    }
    this.send({ type: "MutationResponse", requestId: message.requestId, success: true, result: result.value, ts: encodeTs(result.ts), logLines: result.logLines });
    // The client resolves the mutation only once a Transition reaches its timestamp.
    this.awaitingTs = maxTs(this.awaitingTs ?? 0n, result.ts);
    this.registry.requestFlush();
  }

  private async runAction(message: Extract<ClientMessage, { type: "Action" }>): Promise<void> {
    const result =
      message.componentPath && !this.admin
        ? { ok: false as const, errorMessage: ADMIN_ONLY, logLines: [], errorData: undefined }
        : await this.engine.runAction(message.udfPath, message.args[0] as JSONValue, { identity: this.identity, ...this.access(message.componentPath), ...this.peer });
    if (result.ok) this.send({ type: "ActionResponse", requestId: message.requestId, success: true, result: result.value, logLines: result.logLines });
    else this.send({ type: "ActionResponse", requestId: message.requestId, success: false, result: result.errorMessage, logLines: result.logLines, ...errorData(result.errorData) });
  }

  private async authenticate(message: Extract<ClientMessage, { type: "Authenticate" }>): Promise<void> {
    if (message.baseVersion !== this.version.identity) {
      this.fatal(`Invalid identity base version ${message.baseVersion}, expected ${this.version.identity}`);
      return;
    }
    let identity: UserIdentity | null = null;
    let admin = false;
    try {
      if (message.tokenType === "Admin") {
        const checked = this.engine.adminKey.check(message.value ?? "");
        if (checked === null) throw new Error("The provided admin key was invalid for this instance");
        admin = true;
        identity = message.impersonating === undefined ? checked.actingAs : identityFromAttributes(message.impersonating);
      }
      if (message.tokenType === "User") identity = await this.engine.verifyToken(message.value ?? "");
    } catch (error) {
      // Convex answers a failed Authenticate with AuthError and ends the connection; the
      // client then reconnects with fresh versions (and fetches a new token if it can).
      this.send({ type: "AuthError", error: (error as Error).message, baseVersion: message.baseVersion, authUpdateAttempted: true });
      this.socket.close();
      this.dispose();
      return;
    }
    this.identity = identity;
    this.admin = admin;
    const ts = this.engine.ts;
    const modifications: QueryModification[] = [];
    for (const [queryId, old] of [...this.subscriptions]) {
      const query = this.registry.acquire(old.query.udfPath, old.query.args, identity, old.query.journal, this.access(old.query.access.componentPath));
      this.registry.release(old.query);
      await this.registry.refresh(query);
      const modification = modificationFor(queryId, query);
      this.subscriptions.set(queryId, { query, sentHash: query.resultHash });
      if (modification !== null) modifications.push(modification);
    }
    this.transition({ ...this.version, identity: message.baseVersion + 1, ts: maxTs(this.version.ts, ts) }, modifications);
  }

  private access(componentPath: string | undefined): QueryAccess {
    return { admin: this.admin, componentPath: componentPath ?? "" };
  }

  private transition(endVersion: StateVersion, modifications: QueryModification[]): void {
    const startVersion = this.version;
    this.version = endVersion;
    this.send({
      type: "Transition",
      startVersion: encodeVersion(startVersion),
      endVersion: encodeVersion(endVersion),
      modifications,
      serverTs: Date.now(),
    });
  }

  private unsubscribe(queryId: number): void {
    const subscription = this.subscriptions.get(queryId);
    if (subscription === undefined) return;
    this.subscriptions.delete(queryId);
    this.registry.release(subscription.query);
  }

  private send(message: Record<string, unknown>): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(JSON.stringify(message));
  }

  /** A protocol error ends this connection only; the client reconnects with a fresh state. */
  private fatal(error: string): void {
    this.send({ type: "FatalError", error });
    this.socket.close(1011, error.slice(0, 120));
    this.dispose();
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.ping);
    this.registry.removeListener(this);
    for (const queryId of [...this.subscriptions.keys()]) this.unsubscribe(queryId);
  }
}

function maxTs(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function errorData(data: JSONValue | undefined): { errorData?: JSONValue } {
  return data === undefined ? {} : { errorData: data };
}

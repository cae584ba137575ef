/**
 * Key/value persistence. localStorage can be missing or throw (Safari private mode,
 * sandboxed iframes, blocked third-party storage, quota); the widget then keeps working
 * for the lifetime of the page with an in-memory map.
 */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  /** Every key held (used to wipe a visitor's data on logout). */
  keys(): string[];
}

export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    get: (key) => map.get(key) ?? null,
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
    keys: () => [...map.keys()],
  };
}

export function browserStore(getStorage: () => Storage = () => window.localStorage): KeyValueStore {
  const fallback = memoryStore();
  let storage: Storage | null;
  try {
    storage = getStorage();
  } catch {
    storage = null;
  }
  return {
    get(key) {
      try {
        return storage ? storage.getItem(key) : fallback.get(key);
      } catch {
        return fallback.get(key);
      }
    },
    set(key, value) {
      try {
        if (storage) return storage.setItem(key, value);
      } catch {
        // Quota exceeded or storage revoked: keep the value for this page at least.
      }
      fallback.set(key, value);
    },
    remove(key) {
      try {
        storage?.removeItem(key);
      } catch {
        // Nothing to do: a failed removal leaves stale data we overwrite later.
      }
      fallback.remove(key);
    },
    keys() {
      const found = new Set(fallback.keys());
      try {
        for (let i = 0; storage && i < storage.length; i++) {
          const key = storage.key(i);
          if (key !== null) found.add(key);
        }
      } catch {
        // Storage revoked: the fallback's keys are all we can know.
      }
      return [...found];
    },
  };
}

export function readJson(store: KeyValueStore, key: string): unknown {
  const raw = store.get(key);
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Storage keys, all namespaced by workspace so two widgets on one origin never collide.
 * Anything personal to a visitor must live under `visitorPrefix`: logout wipes that prefix.
 */
export const storageKeys = {
  sessionId: (workspaceId: string) => `opencom:${workspaceId}:session-id`,
  settings: (workspaceId: string) => `opencom:${workspaceId}:settings`,
  visitorPrefix: (workspaceId: string, visitorId: string) => `opencom:${workspaceId}:${visitorId}:`,
  outbox: (workspaceId: string, visitorId: string) => `opencom:${workspaceId}:${visitorId}:outbox`,
};

/**
 * Logout: forgets the browser's sessionId (the next boot starts a new visitor) and every
 * key of the visitor (unsent messages, caches). The workspace's settings stay: they are
 * the same for everyone and let the launcher appear at once.
 */
export function forgetVisitor(store: KeyValueStore, workspaceId: string, visitorId: string | null): void {
  store.remove(storageKeys.sessionId(workspaceId));
  if (visitorId === null) return;
  const prefix = storageKeys.visitorPrefix(workspaceId, visitorId);
  for (const key of store.keys()) if (key.startsWith(prefix)) store.remove(key);
}

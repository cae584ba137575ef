import { logError } from "./log";

export type Listener<T> = (payload: T) => void;

/** A small typed event emitter. A listener that throws is logged, never propagated. */
export interface Emitter<Events> {
  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): void;
  off<K extends keyof Events>(event: K, listener: Listener<Events[K]>): void;
  emit<K extends keyof Events>(event: K, payload: Events[K]): void;
  clear(): void;
}

export function createEmitter<Events>(): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<Listener<never>>>();
  return {
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as Listener<never>);
    },
    off(event, listener) {
      listeners.get(event)?.delete(listener as Listener<never>);
    },
    emit(event, payload) {
      // Copy first: a listener may remove itself (or others) while we iterate.
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          (listener as Listener<Events[typeof event]>)(payload);
        } catch (error) {
          logError(`a "${String(event)}" listener threw`, error);
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}

/** Every message the widget writes to the host page's console carries this prefix. */
export const LOG_PREFIX = "[OpencomWidget]";

export function logError(message: string, detail?: unknown): void {
  if (detail === undefined) console.error(`${LOG_PREFIX} ${message}`);
  else console.error(`${LOG_PREFIX} ${message}`, detail);
}

export function logWarn(message: string): void {
  console.warn(`${LOG_PREFIX} ${message}`);
}

/**
 * The runtime entry (an ES module the loader imports from beside itself). It only
 * re-exports: internals stay internal.
 */
export { createOpencomWidget } from "./api";
export { version } from "../../package.json";

// Pure engagement logic shared by the browser overlays and convex/. No DOM, no
// Convex, no Node APIs: each module is a handful of plain functions.
export * from "./arbitration";
export * from "./checklist-machine";
export * from "./frequency";
export * from "./rules";
export * from "./selector";
export * from "./survey-answers";
export * from "./tour-machine";
export * from "./triggers";
export * from "./url-pattern";

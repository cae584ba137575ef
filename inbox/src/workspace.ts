import type { OperatorProfile } from "../../convex/members";

/** The workspace the operator is working in, as every screen receives it. */
export type Workspace = OperatorProfile["workspaces"][number];

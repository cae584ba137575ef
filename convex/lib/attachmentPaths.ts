/*
 * Where the attachment HTTP actions (convex/attachmentsHttp.ts) live on the
 * deployment's site URL; the capability (grant or access key) follows the prefix.
 */

/** POST here + a one-time grant: the widget's upload. */
export const UPLOAD_PATH = "/widget/uploads/";
/** GET here + a secret access key: a stored attachment or help-center image. */
export const FILE_PATH = "/widget/files/";

import { z } from "zod";
import { internal } from "../_generated/api";
import { ATTACHMENT_LIMITS, cleanFileName, FILE_NAME_MAX, hasTextName, MAX_ATTACHMENTS_PER_MESSAGE } from "../../core/messages/attachments";
import { classifyUpload, uploadRefusalMessage } from "../lib/attachmentSniff";
import { randomBytes, toBase64Url } from "../lib/crypto";
import { errorResponse, jsonResponse } from "./responses";
import { defineRoute, type Route } from "./route";
import { dataOf, epochMs } from "./views";

/*
 * POST /api/v1/files: a file for agent replies, its bytes as the body. Checked as the
 * messenger's and the inbox's attachments are: the type decided by the bytes (PNG, JPEG,
 * GIF, WebP, PDF, or UTF-8 text under a `.txt` name), the type's size limit, no markup
 * inside a binary file. The answer's id goes in a reply's `attachments`.
 */

const MAX_FILE_BYTES = Math.max(...Object.values(ATTACHMENT_LIMITS));
const megabytes = (type: string) => (ATTACHMENT_LIMITS[type] ?? 0) / (1024 * 1024);

const storedFile = z
  .object({
    id: z.string().describe("Put it in `attachments` of a conversation reply; it can be sent once."),
    name: z.string(),
    contentType: z.string().describe("The type the bytes proved."),
    size: z.number().int(),
    createdAt: epochMs,
    expiresAt: epochMs.describe("An unsent file is deleted then."),
  })
  .meta({ id: "UploadedFile" });

/** A reply's `attachments`: ids from POST /files. */
export const replyAttachments = z
  .array(z.string().min(1).max(100))
  .max(MAX_ATTACHMENTS_PER_MESSAGE)
  .optional()
  .describe(`Ids from POST /files (at most ${MAX_ATTACHMENTS_PER_MESSAGE}): the workspace's, unexpired, each sent once. The visitor sees them as attachments.`);

/** A reply needs text, files or both: without files, a missing text is required and a blank one refused. */
export function requireTextOrFiles(body: { text?: string | undefined; attachments?: string[] | undefined }, ctx: z.RefinementCtx): void {
  if ((body.attachments?.length ?? 0) > 0 || (body.text ?? "") !== "") return;
  ctx.addIssue({ code: "custom", message: body.text === undefined ? "Required." : "text must not be empty", path: ["text"] });
}

const refused = (field: "file" | "name", message: string) => errorResponse("INVALID_ARGUMENT", message, { fields: { [field]: message } });

export const FILE_ROUTES: Route[] = [
  defineRoute({
    method: "POST",
    path: "/files",
    operationId: "uploadFile",
    summary: "Store a file to attach to agent replies",
    description: `The body is the file's bytes (the Content-Type header is not trusted: the bytes decide the type). PNG, JPEG, GIF and WebP images, PDF, and plain UTF-8 text under a \`.txt\` name; images up to ${megabytes("image/png")} MB, PDF up to ${megabytes("application/pdf")} MB, text up to ${megabytes("text/plain")} MB; no HTML or SVG markup inside. Send the id within 24 hours in a reply's \`attachments\`.`,
    tags: ["Conversations"],
    query: z.object({ name: z.string().trim().min(1).max(FILE_NAME_MAX).describe("The file name the visitor sees, e.g. `invoice.pdf`.") }),
    responses: { 201: { description: "The stored file", schema: dataOf(storedFile) } },
    handler: async ({ ctx, request, caller, query }) => {
      const tooLarge = `The file is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB.`;
      if (Number(request.headers.get("Content-Length") ?? "0") > MAX_FILE_BYTES) return refused("file", tooLarge);
      const bytes = new Uint8Array(await request.arrayBuffer());
      if (bytes.length > MAX_FILE_BYTES) return refused("file", tooLarge);
      const verdict = classifyUpload(bytes);
      if (!verdict.ok) return refused("file", uploadRefusalMessage(verdict.problem));
      const name = cleanFileName(query.name);
      if (verdict.contentType === "text/plain" && !hasTextName(name)) return refused("name", "A text file needs a .txt name.");
      const storageId = await ctx.storage.store(new Blob([bytes], { type: verdict.contentType }));
      const file = await ctx.runMutation(internal.apiFiles.record, {
        workspaceId: caller.workspaceId,
        storageId,
        name,
        contentType: verdict.contentType,
        size: bytes.length,
        accessKey: toBase64Url(randomBytes(32)),
      });
      return jsonResponse({ data: file }, 201);
    },
  }),
];

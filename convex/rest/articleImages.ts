import { internal } from "../_generated/api";
import { FILE_PATH } from "../attachmentsHttp";
import { classifyUpload, uploadRefusalMessage } from "../lib/attachmentSniff";
import { isImageType } from "../../core/messages/attachments";
import { randomBytes, toBase64Url } from "../lib/crypto";
import { siteUrl } from "../lib/siteUrl";
import type { RestHandler } from "./conversations";
import { errorResponse, jsonResponse } from "./responses";

/**
 * POST /api/v1/articles/images — the image's bytes as the body (any Content-Type).
 * Answers 201 `{data: {url, contentType, size}}`; put the URL in an article as
 * `![alt](url)`. Checked like attachments: PNG, JPEG, GIF or WebP by their bytes,
 * at most 5 MB, no markup inside.
 */
export const uploadArticleImage: RestHandler = async (ctx, request, caller) => {
  const bytes = new Uint8Array(await request.arrayBuffer());
  const verdict = classifyUpload(bytes);
  const refusal = !verdict.ok
    ? uploadRefusalMessage(verdict.problem)
    : isImageType(verdict.contentType)
      ? null
      : "Only PNG, JPEG, GIF and WebP images can go in articles.";
  if (!verdict.ok || refusal !== null) {
    const message = refusal ?? "Invalid image.";
    return errorResponse("INVALID_ARGUMENT", message, { fields: { body: message } });
  }
  const storageId = await ctx.storage.store(new Blob([bytes], { type: verdict.contentType }));
  const accessKey = toBase64Url(randomBytes(32));
  await ctx.runMutation(internal.attachments.recordArticleImage, {
    workspaceId: caller.workspaceId,
    storageId,
    contentType: verdict.contentType,
    size: bytes.length,
    accessKey,
  });
  return jsonResponse({ data: { url: `${siteUrl()}${FILE_PATH}${accessKey}`, contentType: verdict.contentType, size: bytes.length } }, 201);
};

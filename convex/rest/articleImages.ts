import { z } from "zod";
import { internal } from "../_generated/api";
import { FILE_PATH } from "../lib/attachmentPaths";
import { classifyUpload, uploadRefusalMessage } from "../lib/attachmentSniff";
import { isImageType } from "../../core/messages/attachments";
import { randomBytes, toBase64Url } from "../lib/crypto";
import { siteUrl } from "../lib/siteUrl";
import { errorResponse, jsonResponse } from "./responses";
import { defineRoute, type Route } from "./route";
import { dataOf } from "./views";

const storedImage = z
  .object({
    url: z.string().describe("Put it in an article as `![alt](url)`."),
    contentType: z.enum(["image/png", "image/jpeg", "image/gif", "image/webp"]),
    size: z.number().int(),
  })
  .meta({ id: "ArticleImage" });

/**
 * POST /api/v1/articles/images — the image's bytes as the body (any Content-Type).
 * Checked like attachments: PNG, JPEG, GIF or WebP by their bytes, at most 5 MB,
 * no markup inside. Declared before `/articles/{id}` so it wins.
 */
export const ARTICLE_IMAGE_ROUTES: Route[] = [
  defineRoute({
    method: "POST",
    path: "/articles/images",
    operationId: "uploadArticleImage",
    summary: "Store an image for help-center articles",
    description:
      "The body is the image's bytes (any Content-Type). PNG, JPEG, GIF or WebP decided by the bytes, at most 5 MB, no markup inside. Articles may only show images stored here or from the workspace's own sites.",
    tags: ["Help center"],
    responses: { 201: { description: "The stored image's URL", schema: dataOf(storedImage) } },
    handler: async ({ ctx, request, caller }) => {
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
      const data = { url: `${siteUrl()}${FILE_PATH}${accessKey}`, contentType: verdict.contentType, size: bytes.length };
      return jsonResponse({ data }, 201);
    },
  }),
];

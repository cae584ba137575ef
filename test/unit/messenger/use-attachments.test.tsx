import { getFunctionName, type FunctionReference } from "convex/server";
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useAttachments, type Attachments } from "../../../src/messenger/panel/use-attachments";
import type { MessengerController } from "../../../src/messenger/types";
import { until } from "../helpers/widget";

const containers: HTMLElement[] = [];
afterEach(() => {
  for (const container of containers.splice(0)) render(null, container);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The hook with a backend whose upload endpoint answers `upload`, and whose saveUpload answers `save`. */
function mountAttachments(upload: () => Response, save: () => unknown = () => ({ uploadId: "u1", name: "a.png", contentType: "image/png", size: 20 })) {
  vi.spyOn(console, "error").mockImplementation(() => {});
  vi.stubGlobal("fetch", vi.fn(async () => upload()));
  const controller = {
    mutate: vi.fn(),
    act: vi.fn(async (action: FunctionReference<"action">) =>
      getFunctionName(action) === "files:generateUploadUrl" ? { uploadUrl: "https://backend.test/upload" } : save(),
    ),
  } as unknown as Pick<MessengerController, "mutate" | "act">;
  let current: Attachments | undefined;
  function Probe() {
    current = useAttachments(controller);
    return null;
  }
  const container = document.createElement("div");
  containers.push(container);
  act(() => render(<Probe />, container));
  return () => current!;
}

const png = () => new File([new Uint8Array(20)], "pixel.png", { type: "image/png" });
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("useAttachments", () => {
  it("shows the server's reason when it refuses what the file is, not 'try again'", async () => {
    const attachments = mountAttachments(() =>
      json(400, { error: { code: "INVALID_ARGUMENT", message: "Only PNG, JPEG, GIF and WebP images, PDF and plain text files can be attached." } }),
    );
    act(() => attachments().add([png()]));
    await until(() => expect(attachments().failed).toBe(true));
    expect(attachments().problems).toEqual(["pixel.png can't be attached: use images (PNG, JPEG, GIF, WebP), PDF or text files."]);
  });

  it("names the size limit when the server finds the file too large", async () => {
    const attachments = mountAttachments(() => json(413, { error: { code: "PAYLOAD_TOO_LARGE", message: "Too large." } }));
    act(() => attachments().add([png()]));
    await until(() => expect(attachments().problems).toEqual(["pixel.png is larger than 5 MB."]));
  });

  it("refuses by name when saving finds the file is not what its name says", async () => {
    const refused = Object.assign(new Error("refused"), { data: { code: "INVALID_ARGUMENT", message: "Only … can be attached.", field: "file" } });
    const attachments = mountAttachments(
      () => json(200, { storageId: "s1" }),
      () => {
        throw refused;
      },
    );
    act(() => attachments().add([png()]));
    await until(() => expect(attachments().problems).toEqual(["pixel.png can't be attached: use images (PNG, JPEG, GIF, WebP), PDF or text files."]));
  });

  it("keeps 'try again' for failures a retry can fix", async () => {
    const attachments = mountAttachments(() => json(503, { error: { code: "UNAVAILABLE", message: "Down." } }));
    act(() => attachments().add([png()]));
    await until(() => expect(attachments().problems).toEqual(["pixel.png could not be uploaded. Remove it and try again."]));
  });
});

// The sync protocol spoken by hand, one JSON frame at a time, for tests of its edges.
import WebSocket from "ws";

export class RawClient {
  readonly messages: Array<Record<string, unknown>> = [];
  private readonly socket: WebSocket;
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;
  constructor(apiUrl: string) {
    this.socket = new WebSocket(`${apiUrl.replace("http", "ws")}/api/1.48.0/sync`);
    this.socket.on("message", (data) => this.messages.push(JSON.parse(String(data)) as Record<string, unknown>));
    this.opened = new Promise((resolve) => this.socket.once("open", () => resolve()));
    this.closed = new Promise((resolve) => this.socket.once("close", (code) => resolve(code)));
  }
  send(message: unknown): void {
    this.socket.send(typeof message === "string" ? message : JSON.stringify(message));
  }
  async next(type: string, timeoutMs = 5000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const index = this.messages.findIndex((m) => m.type === type);
      if (index >= 0) return this.messages.splice(index, 1)[0]!;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no ${type} message; got ${JSON.stringify(this.messages)}`);
  }
  close(): void {
    this.socket.close();
  }
}

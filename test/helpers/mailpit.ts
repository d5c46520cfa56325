// A real SMTP server for tests: Mailpit (.bin/mailpit, built by scripts/build-mailpit.mjs) on free loopback
// ports; messages are read back through its HTTP API. Tests skip themselves when the binary is missing.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export const MAILPIT_BIN = join(new URL("../..", import.meta.url).pathname, ".bin", "mailpit");
export const mailpitAvailable = (): boolean => existsSync(MAILPIT_BIN);

export interface MailpitMessage {
  ID: string;
  To: { Name: string; Address: string }[];
  Subject: string;
  Created: string;
}

export interface MailpitFull extends MailpitMessage {
  Text: string;
  HTML: string;
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once("error", rej);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export class Mailpit {
  private proc?: ChildProcess;
  constructor(
    readonly smtpPort: number,
    readonly httpPort: number,
  ) {}

  /** Starts Mailpit on free ports (or the given ones, e.g. to restart it where it was). */
  static async start(ports?: { smtpPort: number; httpPort: number }): Promise<Mailpit> {
    if (!mailpitAvailable()) throw new Error(`Mailpit is not built (${MAILPIT_BIN}); run npm install with a Go toolchain`);
    const m = new Mailpit(ports?.smtpPort ?? (await freePort()), ports?.httpPort ?? (await freePort()));
    await m.run();
    return m;
  }

  get smtpUrl(): string {
    return `smtp://127.0.0.1:${this.smtpPort}`;
  }
  get apiUrl(): string {
    return `http://127.0.0.1:${this.httpPort}`;
  }

  private async run() {
    this.proc = spawn(
      MAILPIT_BIN,
      [
        "--smtp",
        `127.0.0.1:${this.smtpPort}`,
        "--listen",
        `127.0.0.1:${this.httpPort}`,
        "--smtp-auth-accept-any",
        "--smtp-auth-allow-insecure",
        "--max",
        "5000",
        "--quiet",
        "--disable-version-check",
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    this.proc.stderr?.on("data", (d) => (stderr += String(d)));
    const until = Date.now() + 15_000;
    for (;;) {
      if (this.proc.exitCode !== null) throw new Error(`Mailpit exited: ${stderr.slice(0, 500)}`);
      try {
        const r = await fetch(`${this.apiUrl}/readyz`);
        if (r.ok) return;
      } catch {
        /* not up yet */
      }
      if (Date.now() > until) throw new Error(`Mailpit did not start: ${stderr.slice(0, 500)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Stops the server (SMTP then refuses connections); restart() brings it back on the same ports. */
  async stop(): Promise<void> {
    const p = this.proc;
    this.proc = undefined;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once("exit", r));
    p.kill("SIGTERM");
    await exited;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.run();
  }

  /** Messages, newest first (up to 1,000). */
  async messages(): Promise<MailpitMessage[]> {
    const r = await fetch(`${this.apiUrl}/api/v1/messages?limit=1000`);
    if (!r.ok) throw new Error(`Mailpit API ${r.status}`);
    return ((await r.json()) as { messages: MailpitMessage[] }).messages;
  }

  async messagesTo(address: string): Promise<MailpitMessage[]> {
    return (await this.messages()).filter((m) => m.To.some((t) => t.Address.toLowerCase() === address.toLowerCase()));
  }

  async message(id: string): Promise<MailpitFull> {
    const r = await fetch(`${this.apiUrl}/api/v1/message/${id}`);
    if (!r.ok) throw new Error(`Mailpit API ${r.status}`);
    return (await r.json()) as MailpitFull;
  }

  async clear(): Promise<void> {
    await fetch(`${this.apiUrl}/api/v1/messages`, { method: "DELETE" });
  }
}

// Outbound e-mail through nodemailer (SMTP_URL, MAIL_FROM). Without SMTP_URL e-mail is off: the service
// says so once at start-up and sendMail refuses (callers record that as a delivery failure).
import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../config";
import type { Logger } from "../logger";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface MailResult {
  /** Addresses the SMTP server accepted. */
  accepted: string[];
  messageId: string;
}

export class MailOffError extends Error {
  constructor() {
    super("e-mail is off (no SMTP_URL)");
  }
}

let transport: Transporter | undefined;
let from = "";

/** Sets up (or replaces) the transport from the configuration; called once per service start. */
export function configureMailer(config: Pick<Config, "SMTP_URL" | "MAIL_FROM">, logger: Logger): void {
  transport?.close();
  transport = undefined;
  from = config.MAIL_FROM;
  if (!config.SMTP_URL) {
    logger.info("e-mail off: SMTP_URL is not set (push and in-app notifications still go)");
    return;
  }
  // Short timeouts: a dead relay must fail the delivery job quickly (it is retried), not hang it.
  const u = new URL(config.SMTP_URL);
  transport = nodemailer.createTransport({
    host: u.hostname,
    port: u.port ? Number(u.port) : u.protocol === "smtps:" ? 465 : 587,
    secure: u.protocol === "smtps:",
    ...(u.username ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } } : {}),
    pool: true, // reuse connections: an acute batch is several messages at once
    maxConnections: 5,
    connectionTimeout: 5000,
    greetingTimeout: 5000,
    socketTimeout: 10_000,
  });
  logger.info({ smtp: config.SMTP_URL.replace(/\/\/[^@/]+@/, "//***@") }, "e-mail on");
}

export const mailEnabled = (): boolean => !!transport;

export async function sendMail(msg: MailMessage): Promise<MailResult> {
  if (!transport) throw new MailOffError();
  const info = await transport.sendMail({ from, to: msg.to, subject: msg.subject, text: msg.text, ...(msg.html ? { html: msg.html } : {}) });
  const accepted = (info.accepted ?? []).map((a: string | { address: string }) => (typeof a === "string" ? a : a.address));
  if (!accepted.length) throw new Error(`SMTP server accepted no recipient (${String(info.response ?? "")})`);
  return { accepted, messageId: String(info.messageId ?? "") };
}

export function closeMailer(): void {
  transport?.close();
  transport = undefined;
}

import { expect } from "chai";
import pino from "pino";
import { Writable } from "node:stream";
import { closeMailer, configureMailer, MailOffError, sendMail } from "../../api/src/notify/mailer";
import { Mailpit, mailpitAvailable } from "../helpers/mailpit";

function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) });
  return { logger: pino({ level: "info" }, stream), lines };
}

describe("mailer: nodemailer over SMTP (Mailpit)", function () {
  this.timeout(60_000);
  let mailpit: Mailpit | undefined;
  before(async function () {
    if (!mailpitAvailable()) {
      console.log("    (skipped: .bin/mailpit not built — run npm install with a Go toolchain)");
      this.skip();
    }
    mailpit = await Mailpit.start();
  });
  after(async () => {
    closeMailer();
    await mailpit?.stop();
  });

  it("without SMTP_URL says e-mail is off once and refuses to send", async () => {
    const { logger, lines } = capturingLogger();
    configureMailer({ MAIL_FROM: "NDV <noreply@ndv.invalid>" }, logger);
    expect(lines.filter((l) => l.includes("e-mail off"))).to.have.length(1);
    let err: unknown;
    await sendMail({ to: "a@politie.example", subject: "x", text: "y" }).catch((e) => (err = e));
    expect(err).to.be.instanceOf(MailOffError);
  });

  it("delivers a message that arrives in Mailpit with subject, text and html", async () => {
    const { logger } = capturingLogger();
    configureMailer({ SMTP_URL: mailpit!.smtpUrl, MAIL_FROM: "NDV <noreply@ndv.invalid>" }, logger);
    const res = await sendMail({ to: "lid@politie.example", subject: "Test onderwerp", text: "Platte tekst", html: "<p>HTML tekst</p>" });
    expect(res.accepted).to.deep.equal(["lid@politie.example"]);
    const [m] = await mailpit!.messagesTo("lid@politie.example");
    expect(m!.Subject).to.equal("Test onderwerp");
    const full = await mailpit!.message(m!.ID);
    expect(full.Text).to.contain("Platte tekst");
    expect(full.HTML).to.contain("HTML tekst");
  });

  it("a stopped SMTP server fails fast with an error instead of hanging", async () => {
    const { logger } = capturingLogger();
    configureMailer({ SMTP_URL: mailpit!.smtpUrl, MAIL_FROM: "NDV <noreply@ndv.invalid>" }, logger);
    await mailpit!.stop();
    const t0 = Date.now();
    let err: unknown;
    await sendMail({ to: "lid@politie.example", subject: "x", text: "y" }).catch((e) => (err = e));
    expect(err).to.be.instanceOf(Error);
    expect(Date.now() - t0).to.be.below(6000);
    await mailpit!.restart();
  });
});

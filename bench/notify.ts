// Time from request creation to the last of five e-mails accepted by the SMTP server (Mailpit) and the last
// of five pushes accepted by the push service (the loopback test service, which decrypts each one), over
// 20 acute requests to five eligible members. npm run bench:notify  (needs .bin/mailpit; BENCH_REQUESTS=20)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import { join } from "node:path";
import { startService } from "../api/src/bootstrap";
import { Delivery } from "../api/src/models/delivery";
import { freshMembers, somaliRequest, waitFor } from "../test/helpers/core";
import { login } from "../test/helpers/http";
import { Mailpit, mailpitAvailable } from "../test/helpers/mailpit";
import { TestPushService } from "../test/helpers/push-service";
import { pct } from "../test/helpers/stats";

const N = Number(process.env.BENCH_REQUESTS ?? 20);

async function main() {
  if (!mailpitAvailable()) {
    console.log("bench:notify needs .bin/mailpit (npm install with a Go toolchain builds it)");
    process.exit(1);
  }
  const dir = mkdtempSync(join(tmpdir(), "ndv-bench-notify-"));
  const [mailpit, push] = await Promise.all([Mailpit.start(), TestPushService.start()]);
  console.log("starting a service (embedded FerretDB, 50 demo members), Mailpit and a loopback push service ...");
  const service = await startService({
    env: {
      ...process.env,
      NODE_ENV: "development",
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
      DEMO: "1",
      DEMO_MEMBERS: "50",
      SMTP_URL: mailpit.smtpUrl,
    },
  });
  try {
    const [admin, requester] = await Promise.all([login(service, "admin"), login(service, "requester")]);
    const members = await freshMembers(admin, service, 5, { unitId: "limburg", language: "iu" });
    for (const m of members) {
      const res = await m.client.post("/api/v1/push/subscriptions", push.subscribe());
      if (res.status !== 201) throw new Error(`subscribe: ${res.status} ${res.text}`);
    }
    const mailMs: number[] = [];
    const pushMs: number[] = [];
    const bothMs: number[] = [];
    for (let i = 0; i < N; i++) {
      const t0 = Date.now();
      const created = await requester.post("/api/v1/requests", { ...somaliRequest, unitId: "limburg", languages: ["iu"], urgency: "acute" });
      if (created.status !== 201) throw new Error(`create: ${created.status} ${created.text}`);
      const id = created.body.id as string;
      const ds = await waitFor(
        async () => {
          const rows = await Delivery.find({ requestId: id }).lean();
          return rows.length === 10 && rows.every((d) => d.status !== "queued") ? rows : null;
        },
        "ten deliveries",
        60_000,
      );
      const failed = ds.filter((d) => d.status !== "sent");
      if (failed.length) throw new Error(`deliveries failed: ${failed.map((d) => d.failure).join("; ")}`);
      const last = (ch: string) => Math.max(...ds.filter((d) => d.channel === ch).map((d) => d.acceptedAt!.getTime())) - t0;
      mailMs.push(last("email"));
      pushMs.push(last("push"));
      bothMs.push(Math.max(last("email"), last("push")));
      await requester.post(`/api/v1/requests/${id}/cancel`, {});
    }
    const row = (label: string, xs: number[]) =>
      console.log(
        `${label.padEnd(44)} p50 ${pct(xs, 50).toFixed(0).padStart(5)} ms  p95 ${pct(xs, 95).toFixed(0).padStart(5)} ms  max ${Math.max(...xs)
          .toFixed(0)
          .padStart(5)} ms  (n=${xs.length})`,
      );
    console.log(`\n${N} acute requests × 5 members (load average ${loadavg()[0]!.toFixed(1)}):`);
    row("creation → last of 5 e-mails accepted (SMTP)", mailMs);
    row("creation → last of 5 pushes accepted (201)", pushMs);
    row("creation → last of both", bothMs);
    console.log(
      `push service decrypted ${push.received.length} messages, errors: ${push.errors.length}; Mailpit holds ${(await mailpit.messages()).length} e-mails`,
    );
  } finally {
    await service.stop();
    await Promise.all([mailpit.stop(), push.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

// Every page of every role, at desktop (1366×900) and phone (390×844) width: axe-core finds no serious or
// critical violations, no page crashed, and a screenshot of each is written to
// test-results/screenshots/page-<role>-<page>-<desktop|phone>.png.
import { expect } from "chai";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import type { Service } from "../../api/src/bootstrap";
import { Request } from "../../api/src/models/request";
import { login } from "../helpers/http";
import { dispatchSettled } from "../helpers/core";
import { ROOT, openPage, screenshot, signIn, useBrowser } from "./browser";

interface AxeViolation {
  id: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const AXE = join(ROOT, "node_modules", "axe-core", "axe.min.js");
const WIDTHS = [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

async function axe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } };
    return w.axe.run(document, { resultTypes: ["violations"] });
  });
  return (result.violations as AxeViolation[]).filter((v) => v.impact === "serious" || v.impact === "critical");
}

const report = (vs: AxeViolation[]) =>
  vs
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`)
          .join("\n    ")}`,
    )
    .join("\n");

describe("e2e: every page of every role — axe and screenshots at 1366×900 and 390×844 (Chromium)", function () {
  this.timeout(600_000);
  let service: Service;
  let browser: Browser;
  let requestId: string;

  useBrowser(async (s, b) => {
    service = s;
    browser = b;
    // A request of the demo requester, accepted by the demo member, so both request views have content.
    const requester = await login(service, "requester");
    const memberId = (await (await login(service, "member")).get("/api/v1/auth/me")).body.memberId as string;
    requestId = (
      await requester.post("/api/v1/requests", {
        title: "Uitleg rouwgebruiken (schermafdruk)",
        description: "Context voor de familierechercheur.",
        expertise: ["culture.somali"],
        languages: ["ab"],
        urgency: "planned",
        mode: "phone",
        unitId: "rotterdam",
        estimatedHours: 2,
      })
    ).body.id;
    await dispatchSettled(requestId); // not while a dispatch round is writing the request
    await Request.updateOne({ _id: requestId }, { $set: { status: "accepted", assigneeMemberId: memberId, acceptedAt: new Date() } });
  });

  const roles: { user: string; pages: [string, string][] }[] = [
    {
      user: "requester",
      pages: [
        ["my-requests", "/requests"],
        ["new-request", "/requests/new"],
        ["request", "/requests/:id"],
      ],
    },
    {
      user: "member",
      pages: [
        ["offers", "/offers"],
        ["engagements", "/engagements"],
        ["budget", "/budget"],
        ["shifts", "/shifts"],
        ["profile", "/profile"],
        ["request", "/requests/:id"],
      ],
    },
    {
      user: "coordinator",
      pages: [
        ["dashboard", "/coord"],
        ["budgets", "/coord/budgets"],
        ["approvals", "/coord/approvals"],
        ["simulate", "/coord/simulate"],
        ["pools", "/coord/pools"],
        ["network-requests", "/coord/network-requests"],
        ["supplements", "/coord/supplements"],
        ["helpline", "/helpline"],
        ["request", "/requests/:id"],
      ],
    },
    { user: "planner", pages: [["helpline", "/helpline"]] },
    { user: "policy", pages: [["policy", "/policy"]] },
    {
      user: "admin",
      pages: [
        ["users", "/admin/users"],
        ["api-keys", "/admin/api-keys"],
        ["audit", "/audit"],
      ],
    },
    { user: "auditor", pages: [["audit", "/audit"]] },
  ];

  for (const w of WIDTHS) {
    it(`login page at ${w.width}×${w.height}`, async () => {
      const ctx = await browser.newContext({
        baseURL: service.url,
        viewport: { width: w.width, height: w.height },
        locale: "nl-NL",
        timezoneId: "Europe/Amsterdam",
        bypassCSP: true,
      });
      const p = await ctx.newPage();
      await p.goto("/");
      await p.getByLabel("Gebruikersnaam").waitFor();
      await screenshot(p, `page-login-${w.name}`);
      const vs = await axe(p);
      expect(vs, report(vs)).to.have.length(0);
      await ctx.close();
    });

    for (const role of roles) {
      it(`${role.user}: ${role.pages.map((x) => x[0]).join(", ")} at ${w.width}×${w.height}`, async () => {
        const ctx = await browser.newContext({
          baseURL: service.url,
          viewport: { width: w.width, height: w.height },
          locale: "nl-NL",
          timezoneId: "Europe/Amsterdam",
          bypassCSP: true,
        });
        ctx.setDefaultTimeout(15_000);
        const p = await ctx.newPage();
        await signIn(p, role.user);
        const problems: string[] = [];
        for (const [name, path] of role.pages) {
          await openPage(p, path.replace(":id", requestId));
          await screenshot(p, `page-${role.user}-${name}-${w.name}`);
          if (await p.getByText("Deze pagina kon niet worden getoond").count()) problems.push(`${path}: crashed`);
          if (await p.getByRole("heading", { level: 1, name: "Pagina niet gevonden" }).count()) problems.push(`${path}: not found`);
          const vs = await axe(p);
          if (vs.length) problems.push(`${path}:\n${report(vs)}`);
        }
        expect(problems, problems.join("\n")).to.deep.equal([]);
        await ctx.close();
      });
    }
  }
});

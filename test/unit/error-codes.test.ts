// Problem codes: zod issues and thrown problems become stable codes with body-relative paths, and
// every code has a Dutch and an English sentence in the web app (this test fails the build otherwise).
import { expect } from "chai";
import { z } from "zod";
import { FIELD_ERROR_CODES, PROBLEM_CODES } from "../../api/src/contract/error-codes";
import { problem, unprocessable, conflict, Problem } from "../../api/src/http/problem";
import { fieldErrors } from "../../api/src/http/validate";
import { nl } from "../../web/src/i18n/nl";
import { en } from "../../web/src/i18n/en";
import { fieldErrorText, problemText } from "../../web/src/lib/problems";
import type { Key } from "../../web/src/i18n/nl";

const dicts = { nl: nl as Record<string, string>, en: en as Record<string, string> };
const tFor = (lang: "nl" | "en") => (key: Key, vars?: Record<string, string | number>) => {
  let s = dicts[lang][key] ?? key;
  for (const [k, v] of Object.entries(vars ?? {})) s = s.split(`{${k}}`).join(String(v));
  return s;
};

describe("error codes", () => {
  it("every field error code and problem code has a Dutch and an English sentence", () => {
    const missing: string[] = [];
    for (const lang of ["nl", "en"] as const) {
      for (const c of FIELD_ERROR_CODES) if (!dicts[lang][`err.field.${c}`]?.trim()) missing.push(`${lang}: err.field.${c}`);
      for (const c of PROBLEM_CODES) if (!dicts[lang][`err.problem.${c}`]?.trim()) missing.push(`${lang}: err.problem.${c}`);
      for (const c of ["too_small", "too_big"])
        for (const o of ["array", "string"]) if (!dicts[lang][`err.field.${c}.${o}`]) missing.push(`${lang}: err.field.${c}.${o}`);
    }
    expect(missing, "translations missing").to.deep.equal([]);
  });

  it("codes are unique snake_case", () => {
    for (const list of [FIELD_ERROR_CODES, PROBLEM_CODES]) {
      expect(new Set(list).size).to.equal(list.length);
      for (const c of list) expect(c).to.match(/^[a-z]+(_[a-z]+)*$/);
    }
  });

  it("zod issues become codes with parameters and paths relative to the body", () => {
    const schema = z
      .object({
        title: z.string().min(3),
        expertise: z.array(z.string()).min(1),
        hours: z.number().max(12),
        email: z.email().optional(),
        when: z.coerce.date(),
        mode: z.enum(["phone", "video"]),
        availability: z.object({ weekly: z.array(z.object({ from: z.string().regex(/^\d\d:\d\d$/) })) }),
        day: z.string().refine(() => false, { message: "bad day", params: { code: "invalid_date" } }),
      })
      .strict();
    const r = schema.safeParse({
      title: "ab",
      expertise: [],
      hours: 13,
      email: "x",
      when: "soon",
      mode: "fax",
      availability: { weekly: [{ from: "9" }] },
      day: "x",
      extra: 1,
    });
    expect(r.success).to.equal(false);
    const errs = fieldErrors(r.error!, "body");
    const by = Object.fromEntries(errs.map((e) => [e.path, e]));
    expect(by.title).to.deep.include({ code: "too_small", in: "body" });
    expect(by.title!.params).to.include({ minimum: 3, origin: "string" });
    expect(by.expertise).to.deep.include({ code: "too_small" });
    expect(by.expertise!.params).to.include({ minimum: 1, origin: "array" });
    expect(by.hours!.code).to.equal("too_big");
    expect(by.hours!.params).to.include({ maximum: 12 });
    expect(by.email!.code).to.equal("invalid_email");
    expect(by.when!.code).to.equal("invalid_date");
    expect(by.mode!.code).to.equal("invalid_value");
    expect(by["availability.weekly.0.from"]!.code).to.equal("invalid_format");
    expect(by.day!.code).to.equal("invalid_date");
    expect(by.extra!.code).to.equal("unknown_field");
    const missing = fieldErrors(z.object({ a: z.string() }).safeParse({}).error!, "query");
    expect(missing[0]).to.deep.include({ path: "a", code: "required", in: "query" });
  });

  it("thrown problems carry a code; `body.x` paths are rendered relative with `in`", () => {
    const p = unprocessable("Unknown expertise: x", [
      { path: "body.expertise", code: "unknown_expertise", params: { id: "x" }, message: "Unknown expertise id x" },
    ]).toJSON();
    expect(p).to.include({ status: 422, code: "validation_failed" });
    expect(p.errors).to.deep.equal([{ path: "expertise", code: "unknown_expertise", params: { id: "x" }, in: "body", message: "Unknown expertise id x" }]);
    expect(conflict("taken", "offer_taken").toJSON()).to.include({ status: 409, code: "offer_taken" });
    expect(problem(404, "Not found").toJSON().code).to.equal("not_found");
    expect(new Problem(409, "Over budget", "x", undefined, undefined, { remaining: 1, needed: 3, code: "budget_exceeded" }).toJSON()).to.include({
      code: "budget_exceeded",
      remaining: 1,
      needed: 3,
    });
    expect(problem(403, "Forbidden").toJSON().code).to.equal("forbidden");
    expect(unprocessable("x", [{ path: "hours", message: "m" }]).toJSON().errors![0]).to.deep.equal({ path: "hours", code: "invalid", message: "m" });
  });

  it("the web app turns codes into sentences with Dutch numbers and dates", () => {
    const t = tFor("nl");
    expect(fieldErrorText(t, "nl", { path: "expertise", code: "too_small", params: { minimum: 1, origin: "array" }, message: "" })).to.equal(
      "Kies er minstens 1.",
    );
    expect(fieldErrorText(t, "nl", { path: "hours", code: "not_quarter_hour", message: "" })).to.contain("0,25");
    expect(fieldErrorText(t, "nl", { path: "hours", code: "day_limit", params: { maximum: 12, existing: 8.5 }, message: "" })).to.equal(
      "Hoogstens 12 uur per dag (8,5 uur al geboekt).",
    );
    expect(fieldErrorText(t, "nl", { path: "date", code: "period_closed", params: { until: "2026-10-31" }, message: "" })).to.contain("31-10-2026");
    expect(fieldErrorText(t, "nl", { path: "x", code: "no_such_code", message: "" })).to.equal(nl["err.field.invalid"]);
    expect(problemText(t, "nl", { title: "Over budget", status: 409, code: "budget_exceeded", remaining: 1.5, needed: 3 }))
      .to.contain("3 uur")
      .and.contain("1,5 uur");
    expect(problemText(tFor("en"), "en", { title: "Conflict", status: 409, code: "offer_taken" })).to.match(/colleague was first/);
    expect(problemText(t, "nl", { title: "Something new", status: 418, code: "teapot" })).to.equal("Something new");
  });
});

// Budgets per member in scope: sort, filter, drill down into one member's entries, export as CSV.
import { Fragment, useMemo, useState } from "react";
import type { Budget } from "../../api/types";
import { useI18n, type Key } from "../../i18n";
import { useLoad } from "../../lib/useLoad";
import { useDebounced } from "../../lib/debounce";
import { useReference, unitName } from "../../lib/reference";
import { useLiveReload } from "../../realtime/socket";
import { useSession } from "../../lib/session";
import { ErrorBox, Loading } from "../../components/ErrorBox";
import { BudgetBar } from "../../components/BudgetBar";
import { TimeEntriesTable } from "../../components/TimeEntriesTable";
import { DecimalField } from "../../components/Inputs";
import { parseInteger } from "../../lib/parse";
import { client, linkTo } from "../../api/typed-client";

type Col = "name" | "unitId" | "allotted" | "approved" | "pending" | "committed" | "remaining" | "usedPct";
const COLS: { col: Col; key: Key; num?: boolean }[] = [
  { col: "name", key: "bt.name" },
  { col: "unitId", key: "bt.unit" },
  { col: "allotted", key: "budget.allotted", num: true },
  { col: "approved", key: "budget.approved", num: true },
  { col: "pending", key: "budget.pending", num: true },
  { col: "committed", key: "budget.committed", num: true },
  { col: "remaining", key: "budget.remaining", num: true },
  { col: "usedPct", key: "bt.usedPct", num: true },
];

const usedPct = (b: Budget) => (b.allotted > 0 ? ((b.approved + b.pending + b.committed) / b.allotted) * 100 : 0);

export function Budgets() {
  const { t, num, lang } = useI18n();
  const { me } = useSession();
  const ref = useReference();
  const [year, setYear] = useState(new Date().getFullYear());
  const [yearText, setYearText] = useState(String(year));
  const [unit, setUnit] = useState("");
  const [network, setNetwork] = useState("");
  const [q, setQ] = useState("");
  const [onlyOver, setOnlyOver] = useState(false);
  const [sort, setSort] = useState<{ col: Col; dir: 1 | -1 }>({ col: "usedPct", dir: -1 });
  const [open, setOpen] = useState<string>();
  const dq = useDebounced(q, 250);
  const list = useLoad(async () => (await client.GET("/budgets", { query: { year, unit, network } })).data, [year, unit, network]);
  useLiveReload(["budget:alert", "request:updated"], list.reload);

  const rows = useMemo(() => {
    const needle = dq.trim().toLowerCase();
    const r = (list.data ?? []).filter((b) => (!needle || (b.name ?? "").toLowerCase().includes(needle)) && (!onlyOver || usedPct(b) >= 80));
    const val = (b: Budget): string | number =>
      sort.col === "usedPct" ? usedPct(b) : sort.col === "name" ? (b.name ?? "") : sort.col === "unitId" ? unitName(ref, b.unitId) : (b[sort.col] as number);
    return r.sort((a, b) => {
      const x = val(a);
      const y = val(b);
      return (typeof x === "string" ? x.localeCompare(String(y)) : x - (y as number)) * sort.dir;
    });
  }, [list.data, dq, onlyOver, sort, ref]);

  const totals = rows.reduce(
    (acc, b) => ({
      allotted: acc.allotted + b.allotted,
      approved: acc.approved + b.approved,
      pending: acc.pending + b.pending,
      committed: acc.committed + b.committed,
      remaining: acc.remaining + b.remaining,
    }),
    { allotted: 0, approved: 0, pending: 0, committed: 0, remaining: 0 },
  );
  const csv = linkTo("/budgets/export.csv", { query: { year, unit, network } });
  const csvNl = linkTo("/budgets/export.csv", { query: { year, unit, network, format: "nl" } });
  // Dutch UI: the Dutch spreadsheet export first; the machine CSV stays available for integrations.
  const exports =
    lang === "nl"
      ? [
          { href: csvNl, label: t("bt.csvNl"), id: "csv-export" },
          { href: csv, label: t("bt.csvMachine"), id: "csv-export-machine" },
        ]
      : [
          { href: csv, label: t("bt.csv"), id: "csv-export" },
          { href: csvNl, label: t("bt.csvNl"), id: "csv-export-nl" },
        ];
  const scope = me?.scope?.units ?? [];
  const scopeUnits = scope.length ? ref.units.filter((u) => scope.includes(u.id)) : ref.units;

  return (
    <section aria-labelledby="bt-title">
      <div className="row-between">
        <h1 id="bt-title">{t("bt.title")}</h1>
        <div className="row-actions" style={{ display: "flex", gap: ".5rem", flexWrap: "wrap", alignItems: "center" }}>
          <a className="btn btn-secondary" href={exports[0]!.href} download data-testid={exports[0]!.id}>
            {exports[0]!.label}
          </a>
          <a className="btn-link" href={exports[1]!.href} download data-testid={exports[1]!.id}>
            {exports[1]!.label}
          </a>
        </div>
      </div>
      <form className="inline-form card" onSubmit={(e) => e.preventDefault()} aria-label={t("bt.filters")}>
        <DecimalField
          id="bt-year"
          label={t("bt.year")}
          value={yearText}
          integer
          min={2000}
          max={2100}
          onChange={(v) => {
            setYearText(v);
            const y = parseInteger(v);
            if (y !== undefined && y >= 2000 && y <= 2100) setYear(y);
          }}
          inputStyle={{ width: "7rem" }}
        />
        <div className="field">
          <label htmlFor="bt-unit">{t("bt.unit")}</label>
          <select id="bt-unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
            <option value="">{t("common.all")}</option>
            {scopeUnits.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="bt-network">{t("bt.network")}</label>
          <select id="bt-network" value={network} onChange={(e) => setNetwork(e.target.value)}>
            <option value="">{t("common.all")}</option>
            {ref.networks.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="bt-q">{t("bt.search")}</label>
          <input id="bt-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <label style={{ display: "flex", gap: ".4rem", alignItems: "center", minHeight: "2.5rem" }}>
          <input type="checkbox" checked={onlyOver} onChange={(e) => setOnlyOver(e.target.checked)} />
          {t("bt.onlyOver")}
        </label>
      </form>
      <ErrorBox error={list.error} />
      {!list.data && list.loading && <Loading />}
      <p className="muted" aria-live="polite">
        {t("bt.count", { n: rows.length })}
      </p>
      <div className="table-wrap">
        <table data-testid="budgets-table">
          <caption className="sr-only">{t("bt.title")}</caption>
          <thead>
            <tr>
              {COLS.map((c) => (
                <th
                  key={c.col}
                  scope="col"
                  className={c.num ? "num" : undefined}
                  aria-sort={sort.col === c.col ? (sort.dir === 1 ? "ascending" : "descending") : undefined}
                >
                  <button type="button" onClick={() => setSort((s) => ({ col: c.col, dir: s.col === c.col ? (-s.dir as 1 | -1) : c.num ? -1 : 1 }))}>
                    {t(c.key)} {sort.col === c.col ? (sort.dir === 1 ? "▲" : "▼") : ""}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <Fragment key={b.memberId}>
                <tr data-member-id={b.memberId}>
                  <th scope="row" style={{ background: "none", fontWeight: 400 }}>
                    <button
                      type="button"
                      className="btn-link"
                      aria-expanded={open === b.memberId}
                      onClick={() => setOpen(open === b.memberId ? undefined : b.memberId)}
                    >
                      {b.name ?? b.memberId}
                    </button>
                  </th>
                  <td>{unitName(ref, b.unitId)}</td>
                  <td className="num">{num(b.allotted)}</td>
                  <td className="num" data-col="approved">
                    {num(b.approved, 2)}
                  </td>
                  <td className="num" data-col="pending">
                    {num(b.pending, 2)}
                  </td>
                  <td className="num">{num(b.committed, 2)}</td>
                  <td className="num" style={b.remaining < 0 ? { color: "var(--err)", fontWeight: 700 } : undefined}>
                    {num(b.remaining, 2)}
                  </td>
                  <td className="num">{num(usedPct(b), 0)} %</td>
                </tr>
                {open === b.memberId && (
                  <tr className="drill">
                    <td colSpan={COLS.length}>
                      <Drill b={b} year={year} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
          {rows.length > 0 && (
            <tfoot>
              <tr>
                <th scope="row">{t("bt.total")}</th>
                <td />
                <td className="num">{num(totals.allotted)}</td>
                <td className="num">{num(totals.approved)}</td>
                <td className="num">{num(totals.pending)}</td>
                <td className="num">{num(totals.committed)}</td>
                <td className="num">{num(totals.remaining)}</td>
                <td />
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}

function Drill({ b, year }: { b: Budget; year: number }) {
  const { t } = useI18n();
  const entries = useLoad(async () => (await client.GET("/time-entries", { query: { memberId: b.memberId, year } })).data, [b.memberId, year]);
  return (
    <div style={{ padding: ".5rem 0" }}>
      <BudgetBar b={b} />
      <h3 style={{ marginTop: "1rem" }}>{t("mb.entries")}</h3>
      <ErrorBox error={entries.error} />
      {entries.data && entries.data.length === 0 && <p className="muted">{t("common.none")}</p>}
      {entries.data && entries.data.length > 0 && <TimeEntriesTable entries={entries.data} />}
    </div>
  );
}

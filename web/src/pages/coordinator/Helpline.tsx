// Roze in Blauw helpline for planners and coordinators: the roster, coverage by hour of week
// (heat map), gaps, and the share of calls the RSC carries (by hour of week and by unit).
import { useEffect, useMemo, useState } from "react";
import type { Shift } from "../../api/types";
import { useI18n } from "../../i18n";
import { useLoad, optional } from "../../lib/useLoad";
import { useSubmit } from "../../lib/useSubmit";
import { createShift } from "../../lib/shifts";
import { useSession } from "../../lib/session";
import { useReference, unitName } from "../../lib/reference";
import { useLiveReload } from "../../realtime/socket";
import { ErrorBox, Loading, OkNote } from "../../components/ErrorBox";
import { ShiftTimes } from "../../components/ShiftTimes";
import { HeatMap } from "../../components/charts/HeatMap";
import { BarChart } from "../../components/charts/BarChart";
import { CalendarLink } from "../../components/CalendarLink";
import { dateTimeInputValue, formatTime } from "../../lib/format";
import { client } from "../../api/typed-client";

const DAY = 86_400_000;

/** "14:00" in Amsterdam time, whatever the browser's zone and locale. */
function clock(iso: string, _lang: "nl" | "en"): string {
  return formatTime(iso);
}

export function Helpline() {
  const { t, date, num, lang } = useI18n();
  const { has } = useSession();
  const ref = useReference();
  const [weeks, setWeeks] = useState(4);
  const [prefill, setPrefill] = useState<{ start: string; end: string }>();

  const win = useMemo(() => {
    const from = new Date();
    from.setMinutes(0, 0, 0);
    return { from: from.toISOString(), to: new Date(from.getTime() + weeks * 7 * DAY).toISOString() };
  }, [weeks]);
  const shifts = useLoad(
    async () => (await client.GET("/helpline/shifts", { query: { from: win.from, to: new Date(Date.parse(win.from) + 14 * DAY).toISOString() } })).data,
    [win.from],
  );
  const coverage = useLoad(() => optional(client.GET("/helpline/coverage", { query: { ...win, byHourOfWeek: "1" } })), [win.from, win.to]);
  const stats = useLoad(() =>
    optional(client.GET("/helpline/stats", { query: { from: new Date(Date.now() - 28 * DAY).toISOString(), to: new Date().toISOString() } })),
  );
  useLiveReload(["helpline:gaps", "helpline:call"], () => {
    coverage.reload();
    stats.reload();
  });

  const byDay = useMemo(() => {
    const m = new Map<string, Shift[]>();
    for (const s of [...(shifts.data ?? [])].sort((a, b) => a.start.localeCompare(b.start))) {
      const k = date(s.start, false);
      m.set(k, [...(m.get(k) ?? []), s]);
    }
    return [...m.entries()];
  }, [shifts.data, date]);

  // Coverage per slot as a share of the weeks in the window (1 = always covered at that hour).
  const coverageShare = coverage.data?.byHourOfWeek?.map((h) => Math.min(1, h / weeks));
  const rscByHour = useMemo(() => {
    if (!stats.data) return undefined;
    const v: (number | null)[] = new Array(168).fill(null);
    for (const s of stats.data.byHourOfWeek) if (s.total > 0) v[s.slot] = s.rscShare * 100;
    return v;
  }, [stats.data]);

  return (
    <section aria-labelledby="hl-title">
      <h1 id="hl-title">{t("hl.title")}</h1>
      {stats.data && (
        <div className="kpis">
          <div className="kpi">
            <span className="value">{stats.data.total}</span>
            <span className="label">{t("hl.calls28")}</span>
          </div>
          <div className="kpi">
            <span className="value">{num(stats.data.rscShare * 100, 0)} %</span>
            <span className="label">{t("hl.rscShare")}</span>
          </div>
          <div className="kpi">
            <span className="value">{stats.data.missed}</span>
            <span className="label">{t("hl.missed")}</span>
          </div>
          <div className="kpi">
            <span className="value">{coverage.data?.gaps.length ?? "–"}</span>
            <span className="label">{t("hl.gaps", { weeks })}</span>
          </div>
        </div>
      )}

      <div className="card">
        <div className="row-between">
          <h2 style={{ marginTop: 0 }}>{t("hl.coverage")}</h2>
          <div className="field" style={{ flexDirection: "row", alignItems: "center", margin: 0, gap: ".5rem" }}>
            <label htmlFor="hl-weeks">{t("hl.weeks")}</label>
            <select id="hl-weeks" value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
              {[1, 2, 4, 8, 12].map((w) => (
                <option key={w} value={w}>
                  {w}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="muted">{t("hl.coverageIntro")}</p>
        <ErrorBox error={coverage.error} onRetry={coverage.reload} />
        {coverage.loading && !coverage.data && <Loading />}
        {coverageShare && <HeatMap caption={t("hl.coverage")} values={coverageShare} max={1} format={(n) => `${Math.round(n * 100)}`} />}
        {coverage.data && coverage.data.gaps.length > 0 && (
          <details style={{ marginTop: ".75rem" }}>
            <summary>{t("hl.gapList", { n: coverage.data.gaps.length })}</summary>
            <ul>
              {coverage.data.gaps.slice(0, 50).map((g, i) => (
                <li key={i}>
                  {has("helpline-planner") ? (
                    // ui-views: a gap prefills the shift form below.
                    <button
                      type="button"
                      className="btn-link"
                      onClick={() => {
                        setPrefill({ ...g });
                        window.setTimeout(() => document.getElementById("as-member")?.focus(), 0);
                      }}
                      aria-label={t("hl.fillGap", { range: `${date(g.start)} – ${date(g.end)}` })}
                    >
                      {date(g.start)} – {date(g.end)}
                    </button>
                  ) : (
                    <>
                      {date(g.start)} – {date(g.end)}
                    </>
                  )}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>

      <div className="card">
        <h2 style={{ marginTop: 0 }}>{t("hl.rscTitle")}</h2>
        <p className="muted">{t("hl.rscIntro")}</p>
        <ErrorBox error={stats.error} onRetry={stats.reload} />
        {rscByHour && <HeatMap caption={t("hl.rscTitle")} values={rscByHour} max={100} tone="bad" format={(n) => `${Math.round(n)}`} />}
        {stats.data && stats.data.byUnit.length > 0 && (
          <div style={{ marginTop: "1rem" }}>
            <h3>{t("hl.byUnit")}</h3>
            <BarChart
              title={t("hl.byUnit")}
              labels={stats.data.byUnit.map((u) => (!u.unitId || u.unitId === "unknown" ? t("hl.unknownRegion") : unitName(ref, u.unitId)))}
              series={[{ name: t("hl.rscShare"), color: "#a4161a", values: stats.data.byUnit.map((u) => u.rscShare * 100) }]}
              max={100}
              format={(n) => `${num(n, 0)} %`}
            />
          </div>
        )}
      </div>

      <div className="card">
        <h2 style={{ marginTop: 0 }}>{t("hl.roster")}</h2>
        <ErrorBox error={shifts.error} onRetry={shifts.reload} />
        {shifts.data && byDay.length === 0 && <p className="muted">{t("sh.none")}</p>}
        <div className="grid-3" data-testid="roster">
          {byDay.map(([day, list]) => (
            <div key={day}>
              <h3>{day}</h3>
              <ul style={{ paddingLeft: "1.1rem", margin: 0 }}>
                {list.map((s) => (
                  <li key={s.id}>
                    {clock(s.start, lang)}–{clock(s.end, lang)} {s.memberName ?? ""}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
        {has("helpline-planner") && (
          <AssignShift
            prefill={prefill}
            onDone={() => {
              shifts.reload();
              coverage.reload();
            }}
          />
        )}
      </div>
      {has("helpline-planner") && <CalendarLink />}
    </section>
  );
}

/** An instant as the value of a datetime-local field, on the Amsterdam clock. */
function AssignShift({ onDone, prefill }: { onDone(): void; prefill?: { start: string; end: string } }) {
  const { t } = useI18n();
  const ref = useReference();
  const [memberId, setMemberId] = useState("");
  const [filter, setFilter] = useState("");
  const members = useLoad(async () => (await client.GET("/helpline/members")).data);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const all = members.data ?? [];
    const hits = f ? all.filter((m) => m.name.toLowerCase().includes(f)) : all;
    // Keep the chosen colleague in the list while the filter changes.
    const chosen = all.find((m) => m.id === memberId);
    return chosen && !hits.includes(chosen) ? [chosen, ...hits] : hits;
  }, [members.data, filter, memberId]);
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  useEffect(() => {
    if (!prefill) return;
    setStart(dateTimeInputValue(prefill.start));
    setEnd(dateTimeInputValue(prefill.end));
  }, [prefill]);
  const { error, ok, submit } = useSubmit(() => createShift(memberId, start, end), onDone);
  return (
    <form className="inline-form" onSubmit={submit} style={{ marginTop: "1rem" }} aria-label={t("hl.assign")}>
      <div className="field">
        <label htmlFor="as-filter">{t("hl.memberFilter")}</label>
        <input id="as-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="as-member">{t("hl.member")}</label>
        <select id="as-member" value={memberId} onChange={(e) => setMemberId(e.target.value)} required>
          <option value="">{t("hl.memberPick")}</option>
          {shown.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name} · {unitName(ref, m.unitId)}
            </option>
          ))}
        </select>
      </div>
      <ShiftTimes idPrefix="as" start={start} end={end} onStart={setStart} onEnd={setEnd} error={error} />
      <button type="submit" className="btn btn-primary" disabled={!memberId || !start || !end}>
        {t("hl.assign")}
      </button>
      <div style={{ flexBasis: "100%" }}>
        <ErrorBox error={error ?? members.error} inline={["start", "end"]} />
        {members.data && members.data.length === 0 && <p className="muted">{t("hl.noMembers")}</p>}
        {members.data && members.data.length > 0 && filter.trim() && shown.length === 0 && (
          <p className="muted" role="status">
            {t("common.noResults")}
          </p>
        )}
        {ok && <OkNote>{t("common.saved")}</OkNote>}
      </div>
    </form>
  );
}

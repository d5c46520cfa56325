// Expertise pools: list, create, and add or remove members (found through the member directory).
import { useState } from "react";
import { ApiError } from "../../api/client";
import type { Pool, PoolMember } from "../../api/types";
import { useI18n } from "../../i18n";
import { useLoad } from "../../lib/useLoad";
import { useDebounced } from "../../lib/debounce";
import { useSubmit } from "../../lib/useSubmit";
import { useReference, unitName, expertiseLabel } from "../../lib/reference";
import { ErrorBox, Loading, OkNote } from "../../components/ErrorBox";
import { ExpertisePicker } from "../../components/ExpertisePicker";
import { DateField } from "../../components/Inputs";
import { localToDate, parseDate } from "../../lib/parse";
import { errorsFor } from "../../lib/problems";
import { client } from "../../api/typed-client";

/** A typed day ("01-12-2026") as the instant it starts; unreadable text is sent as typed so the server names the field. */
const dayInstant = (text: string) => {
  const d = parseDate(text);
  return d ? localToDate(d).toISOString() : text;
};

export function Pools() {
  const { t, lang, date } = useI18n();
  const ref = useReference();
  const pools = useLoad(async () => (await client.GET("/pools")).data);
  const [open, setOpen] = useState<string>();
  return (
    <section aria-labelledby="pl-title">
      <h1 id="pl-title">{t("pl.title")}</h1>
      <p className="muted">{t("pl.intro")}</p>
      <ErrorBox error={pools.error} />
      {!pools.data && pools.loading && <Loading />}
      {pools.data && pools.data.length === 0 && <p className="muted">{t("pl.empty")}</p>}
      <ul className="card-list">
        {(pools.data ?? []).map((p) => {
          const count = p.memberCount ?? p.memberIds?.length ?? p.members?.length ?? 0;
          const manageable = p.memberIds !== undefined || p.members !== undefined;
          return (
            <li key={p.id}>
              <div className="row-between">
                <h2 style={{ margin: 0, fontSize: "1.1rem" }}>{p.name}</h2>
                {manageable ? (
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    aria-expanded={open === p.id}
                    onClick={() => setOpen(open === p.id ? undefined : p.id)}
                  >
                    {t("pl.members", { n: count })}
                  </button>
                ) : (
                  <span className="muted">{t("pl.members", { n: count })}</span>
                )}
              </div>
              {p.description && <p style={{ margin: ".25rem 0" }}>{p.description}</p>}
              <p className="meta">
                <span>{p.expertise.map((e) => expertiseLabel(ref, e, lang)).join(", ")}</span>
                <span>{p.unitIds.map((u) => unitName(ref, u)).join(", ") || t("pl.national")}</span>
                {(p.activeFrom || p.activeUntil) && (
                  <span>
                    {date(p.activeFrom, false)} – {date(p.activeUntil, false)}
                  </span>
                )}
              </p>
              {open === p.id && <PoolMembers pool={p} onChange={pools.reload} />}
            </li>
          );
        })}
      </ul>
      <NewPool onCreated={pools.reload} />
    </section>
  );
}

function PoolMembers({ pool, onChange }: { pool: Pool; onChange(): void }) {
  const { t } = useI18n();
  const ref = useReference();
  const [q, setQ] = useState("");
  const members: PoolMember[] = pool.members ?? (pool.memberIds ?? []).map((id) => ({ id }));
  // Members outside the coordinator's scope come without a name (their expertise is not this coordinator's
  // to know): count them per unit instead of listing ids. Their own coordinators manage them.
  const named = members.filter((m) => m.name).sort((a, b) => a.name!.localeCompare(b.name!));
  const others = members.filter((m) => !m.name);
  const otherUnits = [...others.reduce((acc, m) => acc.set(m.unitId ?? "", (acc.get(m.unitId ?? "") ?? 0) + 1), new Map<string, number>())]
    .sort((a, b) => b[1] - a[1])
    .map(([u, n]) => `${n} × ${u ? unitName(ref, u) : t("pl.unknownMember")}`)
    .join(", ");
  const dq = useDebounced(q, 300);
  const [error, setError] = useState<ApiError>();
  const ids = members.map((m) => m.id);
  const found = useLoad(async () => (dq.trim().length < 2 ? [] : (await client.GET("/members", { query: { q: dq.trim(), limit: 10 } })).data), [dq]);

  async function change(memberId: string, add: boolean) {
    setError(undefined);
    try {
      const path = { id: pool.id, memberId };
      if (add) await client.POST("/pools/{id}/members/{memberId}", { path });
      else await client.DELETE("/pools/{id}/members/{memberId}", { path });
      onChange();
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    }
  }

  return (
    <div style={{ marginTop: ".75rem" }}>
      <ErrorBox error={error} />
      {members.length === 0 && <p className="muted">{t("pl.noMembers")}</p>}
      {named.length > 0 && (
        <ul aria-label={t("pl.membersOf", { name: pool.name })} data-testid="pool-members">
          {named.map((m) => (
            <li key={m.id}>
              {m.name}
              {m.unitId ? <span className="muted"> · {unitName(ref, m.unitId)}</span> : null}{" "}
              <button type="button" className="btn-link" aria-label={t("pl.removeLabel", { name: m.name! })} onClick={() => void change(m.id, false)}>
                {t("pf.remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <p className="muted" data-testid="pool-members-elsewhere">
          {t(named.length ? "pl.othersAlso" : "pl.othersOnly", { n: others.length, units: otherUnits })}
        </p>
      )}
      <div className="field">
        <label htmlFor={`pm-${pool.id}`}>{t("pl.findMember")}</label>
        <input id={`pm-${pool.id}`} type="search" value={q} onChange={(e) => setQ(e.target.value)} aria-describedby={`pm-${pool.id}-hint`} autoComplete="off" />
      </div>
      <ErrorBox error={found.error} />
      {/* ui-views: names and expertise words both find members; say so when nothing matched. */}
      <p className="hint" id={`pm-${pool.id}-hint`}>
        {t("pl.findHint")}
      </p>
      {dq.trim().length >= 2 && found.data && found.data.length === 0 && !found.loading && (
        <p className="muted" role="status" data-testid="no-results">
          {t("pl.noResults", { q: dq.trim() })}
        </p>
      )}
      <ul className="card-list" aria-label={t("pl.results")}>
        {(found.data ?? []).map((m) => (
          <li key={m.id} className="row-between">
            <span>
              {m.name ?? m.id} <span className="muted">{unitName(ref, m.unitId)}</span>
            </span>
            <button type="button" className="btn btn-secondary btn-small" disabled={ids.includes(m.id)} onClick={() => void change(m.id, true)}>
              {t("pl.add")}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function NewPool({ onCreated }: { onCreated(): void }) {
  const { t } = useI18n();
  const ref = useReference();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [expertise, setExpertise] = useState<string[]>([]);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [from, setFrom] = useState("");
  const [until, setUntil] = useState("");
  const { error, ok, submit } = useSubmit(
    () =>
      client.POST("/pools", {
        body: {
          name: name.trim(),
          description: description.trim(),
          expertise,
          unitIds,
          ...(from.trim() ? { activeFrom: dayInstant(from) } : {}),
          ...(until.trim() ? { activeUntil: dayInstant(until) } : {}),
        },
      }),
    () => {
      setName("");
      setDescription("");
      setExpertise([]);
      setUnitIds([]);
      onCreated();
    },
  );

  return (
    <form className="card" onSubmit={submit} noValidate style={{ marginTop: "1.5rem" }}>
      <h2 style={{ marginTop: 0 }}>{t("pl.new")}</h2>
      <div className="field">
        <label htmlFor="np-name">{t("pl.name")}</label>
        <input id="np-name" value={name} onChange={(e) => setName(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor="np-desc">{t("pl.description")}</label>
        <textarea id="np-desc" value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />
      </div>
      <ExpertisePicker items={ref.expertise} value={expertise} onChange={setExpertise} label={t("pf.expertise")} />
      <fieldset>
        <legend>{t("pl.units")}</legend>
        <div className="grid-3">
          {ref.units.map((u) => (
            <label key={u.id} style={{ display: "flex", gap: ".4rem", alignItems: "center" }}>
              <input
                type="checkbox"
                checked={unitIds.includes(u.id)}
                onChange={(e) => setUnitIds(e.target.checked ? [...unitIds, u.id] : unitIds.filter((x) => x !== u.id))}
              />
              {u.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid-2">
        <DateField id="np-from" label={t("pl.activeFrom")} value={from} onChange={setFrom} errors={errorsFor(error, "activeFrom")} />
        <DateField id="np-until" label={t("pl.activeUntil")} value={until} onChange={setUntil} errors={errorsFor(error, "activeUntil")} />
      </div>
      <ErrorBox error={error} />
      {ok && <OkNote>{t("common.saved")}</OkNote>}
      <button type="submit" className="btn btn-primary" disabled={!name.trim()}>
        {t("pl.create")}
      </button>
    </form>
  );
}

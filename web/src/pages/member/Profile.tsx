// The member's own profile: expertise with level and visibility per item, languages,
// weekly availability, absences and consent to share expertise.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ApiError } from "../../api/client";
import type { MemberProfile } from "../../api/types";
import { useI18n } from "../../i18n";
import { useLoad } from "../../lib/useLoad";
import { useReference, expertiseLabel, unitName } from "../../lib/reference";
import { useAnnounce } from "../../lib/announce";
import { ErrorBox, Loading } from "../../components/ErrorBox";
import { ExpertisePicker } from "../../components/ExpertisePicker";
import { NetworkMembership } from "./NetworkMembership";
import { NotificationSettings } from "../../components/NotificationSettings";
import { DateField, TimeField } from "../../components/Inputs";
import { formatDate, formatDateTime } from "../../lib/format";
import { localToDate, parseDate, parseTime } from "../../lib/parse";
import { errorsFor, useFocusOnError } from "../../lib/problems";
import { client } from "../../api/typed-client";

/** Absence days are edited as text (dd-mm-jjjj) and sent as the instant the day starts. */
const dayToInstant = (text: string) => {
  const d = parseDate(text);
  return d ? localToDate(d).toISOString() : text;
};

type Slot = { day: number; from: string; to: string };
type Absence = { from: string; to: string; reason?: string };

export function Profile() {
  const { t, lang } = useI18n();
  const ref = useReference();
  const announce = useAnnounce();
  const prof = useLoad(() => client.GET("/members/me"));
  const [draft, setDraft] = useState<MemberProfile>();
  const [langs, setLangs] = useState("");
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(error, formRef, "pf-errors");

  useEffect(() => {
    if (prof.data) {
      const d = structuredClone(prof.data);
      const abs = d.availability.absences;
      if (abs)
        d.availability = { ...d.availability, absences: abs.map((a) => ({ ...a, from: a.from ? formatDate(a.from) : "", to: a.to ? formatDate(a.to) : "" })) };
      setDraft(d);
      setLangs(prof.data.languages.join(", "));
    }
  }, [prof.data]);

  if (!draft) return prof.error ? <ErrorBox error={prof.error} /> : <Loading />;
  const weekly: Slot[] = draft.availability.weekly ?? [];
  const absences: Absence[] = draft.availability.absences ?? [];
  const update = (p: Partial<MemberProfile>) => {
    setSaved(false);
    setDraft({ ...draft, ...p });
  };
  const setWeekly = (w: Slot[]) => update({ availability: { ...draft.availability, weekly: w } });
  const setAbsences = (a: Absence[]) => update({ availability: { ...draft.availability, absences: a } });

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    setError(undefined);
    // Unit and networks are granted by a coordinator (issue 9); they are not sent from here.
    const body = {
      expertise: draft.expertise.map(({ id, level, visible }) => ({ id, level: level as 1 | 2 | 3, visible })),
      languages: langs
        .split(/[\s,;]+/)
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
      availability: {
        ...(weekly.length ? { weekly: weekly.map((s) => ({ ...s, from: parseTime(s.from) ?? s.from, to: parseTime(s.to) ?? s.to })) } : {}),
        absences: absences
          .filter((a) => a.from.trim() && a.to.trim())
          .map((a) => ({ from: dayToInstant(a.from), to: dayToInstant(a.to), ...(a.reason ? { reason: a.reason } : {}) })),
      },
      consent: { shareExpertise: draft.consent.shareExpertise },
    };
    try {
      const r = await client.PUT("/members/me", { body });
      if (r && typeof r === "object" && "expertise" in r) prof.set(r);
      else prof.reload();
      setSaved(true);
      announce(t("common.saved"));
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    }
  }

  const days = [1, 2, 3, 4, 5, 6, 7];
  return (
    <section aria-labelledby="pf-title">
      <h1 id="pf-title">{t("pf.title")}</h1>
      <p className="meta">
        <span>{unitName(ref, draft.unitId)}</span>
        <span>{draft.networks.map((n) => ref.networks.find((x) => x.id === n)?.name ?? n).join(", ")}</span>
      </p>
      <NetworkMembership networks={draft.networks} />
      <form id="pf-form" ref={formRef} onSubmit={save} noValidate>
        <div className="card">
          <h2 style={{ marginTop: 0 }}>{t("pf.expertise")}</h2>
          <p className="muted">{t("pf.expertiseIntro")}</p>
          {draft.expertise.length > 0 && (
            <div className="table-wrap">
              <table className="stack-on-phone">
                <thead>
                  <tr>
                    <th scope="col">{t("pf.item")}</th>
                    <th scope="col">{t("pf.level")}</th>
                    <th scope="col">{t("pf.visible")}</th>
                    <th scope="col">
                      <span className="sr-only">{t("pf.remove")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {draft.expertise.map((x, i) => {
                    const name = expertiseLabel(ref, x.id, lang);
                    const set = (p: Partial<typeof x>) => update({ expertise: draft.expertise.map((y, j) => (j === i ? { ...y, ...p } : y)) });
                    return (
                      <tr key={x.id}>
                        <th scope="row" style={{ background: "none", fontWeight: 400 }}>
                          {name}
                        </th>
                        <td>
                          <select aria-label={t("pf.levelOf", { name })} value={x.level} onChange={(e) => set({ level: Number(e.target.value) as 1 | 2 | 3 })}>
                            <option value={1}>{t("pf.level1")}</option>
                            <option value={2}>{t("pf.level2")}</option>
                            <option value={3}>{t("pf.level3")}</option>
                          </select>
                        </td>
                        <td>
                          <label style={{ display: "flex", gap: ".4rem", alignItems: "center" }}>
                            <input type="checkbox" checked={x.visible} onChange={(e) => set({ visible: e.target.checked })} />
                            <span>{x.visible ? t("pf.shown") : t("pf.hidden")}</span>
                            <span className="sr-only">{name}</span>
                          </label>
                        </td>
                        <td>
                          <button
                            type="button"
                            className="btn btn-danger btn-small"
                            onClick={() => update({ expertise: draft.expertise.filter((_, j) => j !== i) })}
                          >
                            {t("pf.remove")}
                            <span className="sr-only"> {name}</span>
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <div style={{ marginTop: "1rem" }}>
            <ExpertisePicker
              items={ref.expertise}
              value={[]}
              onChange={(ids) =>
                update({
                  expertise: [
                    ...draft.expertise,
                    ...ids.filter((id) => !draft.expertise.some((x) => x.id === id)).map((id) => ({ id, level: 2 as const, visible: true })),
                  ],
                })
              }
              label={t("pf.addExpertise")}
            />
          </div>
        </div>

        <div className="card">
          <h2 style={{ marginTop: 0 }}>{t("pf.languages")}</h2>
          <div className="field">
            <label htmlFor="pf-langs">{t("pf.languagesLabel")}</label>
            <input
              id="pf-langs"
              value={langs}
              onChange={(e) => {
                setLangs(e.target.value);
                setSaved(false);
              }}
            />
          </div>
        </div>

        <div className="card">
          <h2 style={{ marginTop: 0 }}>{t("pf.availability")}</h2>
          <p className="muted">{t("pf.availabilityIntro")}</p>
          {weekly.map((s, i) => (
            <div className="inline-form" key={i} style={{ marginBottom: ".5rem" }}>
              <div className="field">
                <label htmlFor={`wd-${i}`}>{t("pf.day")}</label>
                <select id={`wd-${i}`} value={s.day} onChange={(e) => setWeekly(weekly.map((x, j) => (j === i ? { ...x, day: Number(e.target.value) } : x)))}>
                  {days.map((d) => (
                    <option key={d} value={d}>
                      {t(`day.${d}` as never)}
                    </option>
                  ))}
                </select>
              </div>
              <TimeField
                id={`wf-${i}`}
                label={t("pf.from")}
                value={s.from}
                onChange={(v) => setWeekly(weekly.map((x, j) => (j === i ? { ...x, from: v } : x)))}
                errors={errorsFor(error, `availability.weekly.${i}.from`)}
                inputStyle={{ width: "7rem" }}
              />
              <TimeField
                id={`wt-${i}`}
                label={t("pf.to")}
                value={s.to}
                onChange={(v) => setWeekly(weekly.map((x, j) => (j === i ? { ...x, to: v } : x)))}
                errors={errorsFor(error, `availability.weekly.${i}.to`)}
                inputStyle={{ width: "7rem" }}
              />
              <button type="button" className="btn btn-danger btn-small" onClick={() => setWeekly(weekly.filter((_, j) => j !== i))}>
                {t("pf.remove")}
              </button>
            </div>
          ))}
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setWeekly([...weekly, { day: 1, from: "08:00", to: "17:00" }])}>
            {t("pf.addSlot")}
          </button>
          <h3 style={{ marginTop: "1.25rem" }}>{t("pf.absences")}</h3>
          {absences.map((a, i) => (
            <div className="inline-form" key={i} style={{ marginBottom: ".5rem" }}>
              <DateField
                id={`af-${i}`}
                label={t("pf.from")}
                value={a.from}
                onChange={(v) => setAbsences(absences.map((x, j) => (j === i ? { ...x, from: v } : x)))}
                errors={errorsFor(error, `availability.absences.${i}.from`)}
                inputStyle={{ width: "9.5rem" }}
              />
              <DateField
                id={`at-${i}`}
                label={t("pf.to")}
                value={a.to}
                onChange={(v) => setAbsences(absences.map((x, j) => (j === i ? { ...x, to: v } : x)))}
                errors={errorsFor(error, `availability.absences.${i}.to`)}
                inputStyle={{ width: "9.5rem" }}
              />
              <div className="field">
                <label htmlFor={`ar-${i}`}>{t("pf.reason")}</label>
                <input
                  id={`ar-${i}`}
                  value={a.reason ?? ""}
                  onChange={(e) => setAbsences(absences.map((x, j) => (j === i ? { ...x, reason: e.target.value } : x)))}
                />
              </div>
              <button type="button" className="btn btn-danger btn-small" onClick={() => setAbsences(absences.filter((_, j) => j !== i))}>
                {t("pf.remove")}
              </button>
            </div>
          ))}
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setAbsences([...absences, { from: "", to: "" }])}>
            {t("pf.addAbsence")}
          </button>
        </div>

        <div className="card">
          <h2 style={{ marginTop: 0 }}>{t("pf.consent")}</h2>
          <label style={{ display: "flex", gap: ".5rem", alignItems: "flex-start" }}>
            <input
              type="checkbox"
              checked={draft.consent.shareExpertise}
              onChange={(e) => update({ consent: { ...draft.consent, shareExpertise: e.target.checked } })}
            />
            <span>{t("pf.consentText")}</span>
          </label>
          {draft.consent.at && <p className="meta">{t("pf.consentAt", { at: formatDateTime(draft.consent.at) })}</p>}
        </div>
        <div id="pf-errors" tabIndex={-1}>
          <ErrorBox error={error} inline={["availability.weekly", "availability.absences"]} />
        </div>
        {saved && (
          <p className="alert alert-ok" role="status">
            {t("common.saved")}
          </p>
        )}
        <button type="submit" className="btn btn-primary">
          {t("common.save")}
        </button>
      </form>
      <NotificationSettings />
    </section>
  );
}

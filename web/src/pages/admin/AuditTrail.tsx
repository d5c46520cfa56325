// Auditor: the audit trail filtered by who, whose data, what and when, and its CSV export.
import { useState, type FormEvent } from "react";
import { useI18n } from "../../i18n";
import { useLoad } from "../../lib/useLoad";
import { ErrorBox, Loading } from "../../components/ErrorBox";
import { DateField } from "../../components/Inputs";
import { parseDate } from "../../lib/parse";
import { client, linkTo } from "../../api/typed-client";

const ACTIONS = ["read", "create", "update", "cancel", "escalate", "approve", "reject", "revoke", "reset-password", "export"];

interface Filters {
  actorId: string;
  subject: string;
  action: string;
  resourceType: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { actorId: "", subject: "", action: "", resourceType: "", from: "", to: "" };

export function AuditTrail() {
  const { t, date } = useI18n();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const params = {
    actorId: applied.actorId.trim(),
    subject: applied.subject.trim(),
    action: applied.action,
    resourceType: applied.resourceType.trim(),
    from: parseDate(applied.from) ?? "",
    to: parseDate(applied.to) ?? "",
  };
  const list = useLoad(async () => (await client.GET("/audit", { query: { ...params, limit: 200 } })).data, [JSON.stringify(params)]);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setApplied(draft);
  };
  const field = (k: keyof Filters, label: string) => (
    <div className="field">
      <label htmlFor={`af-${k}`}>{label}</label>
      <input id={`af-${k}`} value={draft[k]} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} autoComplete="off" />
    </div>
  );
  const rows = list.data ?? [];
  return (
    <section aria-labelledby="at-title">
      <h1 id="at-title">{t("at.title")}</h1>
      <form className="card" onSubmit={apply} noValidate aria-label={t("at.filters")}>
        <div className="grid-3">
          {field("actorId", t("at.who"))}
          {field("subject", t("at.whose"))}
          <div className="field">
            <label htmlFor="af-action">{t("at.what")}</label>
            <select id="af-action" value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })}>
              <option value="">{t("at.any")}</option>
              {ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
          {field("resourceType", t("at.resource"))}
          <DateField id="af-from" label={t("at.from")} value={draft.from} onChange={(v) => setDraft({ ...draft, from: v })} showInvalid />
          <DateField id="af-to" label={t("at.to")} value={draft.to} onChange={(v) => setDraft({ ...draft, to: v })} showInvalid />
        </div>
        <div className="actions">
          <button type="submit" className="btn btn-primary">
            {t("at.apply")}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => {
              setDraft(EMPTY);
              setApplied(EMPTY);
            }}
          >
            {t("at.clear")}
          </button>
          <a className="btn btn-secondary" href={linkTo("/audit/export.csv", { query: params })} download="audit.csv">
            {t("at.export")}
          </a>
        </div>
      </form>
      <ErrorBox error={list.error} />
      {!list.data && list.loading && <Loading />}
      {list.data && rows.length === 0 && (
        <p className="muted" role="status">
          {t("common.noResults")}
        </p>
      )}
      {rows.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("at.title")}>
          <table data-testid="audit-trail">
            <caption className="sr-only">{t("at.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("at.when")}</th>
                <th scope="col">{t("at.who")}</th>
                <th scope="col">{t("at.what")}</th>
                <th scope="col">{t("at.resource")}</th>
                <th scope="col">{t("at.whose")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id}>
                  <td>{date(e.at)}</td>
                  <td>
                    <code>{e.actorId}</code> <span className="muted">{e.actorRoles.join(", ")}</span>
                  </td>
                  <td>{e.action}</td>
                  <td>
                    {e.resourceType} <code>{e.resourceId}</code>
                  </td>
                  <td>{owners(e.details).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function owners(d: unknown): string[] {
  if (!d || typeof d !== "object") return [];
  const o = d as { owners?: unknown; memberId?: unknown; requesterId?: unknown };
  const out = [...(Array.isArray(o.owners) ? o.owners : []), o.memberId, o.requesterId].filter((x): x is string => typeof x === "string");
  return [...new Set(out)];
}

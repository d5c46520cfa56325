// Admin: API keys for machine clients — created (the key shown once), last use, revoked at once.
import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client";
import { useI18n } from "../../i18n";
import { useLoad } from "../../lib/useLoad";
import { useAnnounce } from "../../lib/announce";
import { ErrorBox, Loading } from "../../components/ErrorBox";
import { client } from "../../api/typed-client";

interface Key {
  id: string;
  name: string;
  role: string;
  createdAt?: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

export function ApiKeys() {
  const { t, date } = useI18n();
  const announce = useAnnounce();
  const list = useLoad(async () => (await client.GET("/admin/api-keys")).data);
  const [name, setName] = useState("");
  const [shown, setShown] = useState<{ name: string; key: string }>();
  const [error, setError] = useState<ApiError>();
  const [msg, setMsg] = useState<string>();

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setMsg(undefined);
    try {
      const r = await client.POST("/admin/api-keys", { body: { name: name.trim(), role: "telephony" } });
      setShown({ name: r.name, key: r.key });
      setName("");
      list.reload();
      window.setTimeout(() => document.getElementById("ak-shown")?.focus(), 0);
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    }
  }

  async function revoke(k: Key) {
    if (!window.confirm(t("ak.revokeConfirm", { name: k.name }))) return;
    setError(undefined);
    try {
      await client.DELETE("/admin/api-keys/{id}", { path: { id: k.id } });
      const m = t("ak.revoked", { name: k.name });
      setMsg(m);
      announce(m);
      list.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    }
  }

  const keys = list.data ?? [];
  return (
    <section aria-labelledby="ak-title">
      <h1 id="ak-title">{t("ak.title")}</h1>
      <form className="card inline-form" onSubmit={create} noValidate aria-label={t("ak.new")}>
        <div className="field">
          <label htmlFor="ak-name">{t("ak.name")}</label>
          <input id="ak-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </div>
        <button type="submit" className="btn btn-primary">
          {t("ak.create")}
        </button>
      </form>
      {shown && (
        <div id="ak-shown" tabIndex={-1} className="alert alert-ok" role="status" data-testid="new-key">
          <strong>{t("ak.shownOnce", { name: shown.name })}</strong>
          <p>
            <code className="secret">{shown.key}</code>
          </p>
        </div>
      )}
      {msg && (
        <p className="alert alert-ok" role="status">
          {msg}
        </p>
      )}
      <ErrorBox error={error ?? list.error} />
      {!list.data && list.loading && <Loading />}
      {list.data && keys.length === 0 && <p className="muted">{t("ak.none")}</p>}
      {keys.length > 0 && (
        <div className="table-wrap">
          <table data-testid="api-keys">
            <caption className="sr-only">{t("ak.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("ak.name")}</th>
                <th scope="col">{t("ak.role")}</th>
                <th scope="col">{t("ak.created")}</th>
                <th scope="col">{t("ak.lastUsed")}</th>
                <th scope="col">{t("ak.status")}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} data-key={k.name}>
                  <th scope="row" style={{ background: "none", fontWeight: 400 }}>
                    {k.name}
                  </th>
                  <td>{k.role}</td>
                  <td>{date(k.createdAt)}</td>
                  <td>{k.lastUsedAt ? date(k.lastUsedAt) : t("ak.never")}</td>
                  <td>
                    {k.revokedAt ? (
                      <span className="badge badge-muted">{t("ak.revokedAt", { at: date(k.revokedAt) })}</span>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-danger btn-small"
                        onClick={() => void revoke(k)}
                        aria-label={t("ak.revokeLabel", { name: k.name })}
                      >
                        {t("ak.revoke")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

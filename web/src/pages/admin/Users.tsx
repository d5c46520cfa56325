// Admin: find, create and change users — roles, unit, networks, coordinator scope, (de)activate, reset password.
import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client";
import type { Role } from "../../api/types";
import { HUMAN_ROLES } from "../../../../api/src/contract/values";
import { useI18n, type Key } from "../../i18n";
import { useLoad } from "../../lib/useLoad";
import { useDebounced } from "../../lib/debounce";
import { useReference, unitName, type Reference } from "../../lib/reference";
import { useAnnounce } from "../../lib/announce";
import { ErrorBox, Loading, OkNote } from "../../components/ErrorBox";
import { client } from "../../api/typed-client";

interface AdminUser {
  id: string;
  username: string;
  name: string;
  email?: string;
  roles: Role[];
  unitId: string;
  networks: string[];
  scope: { units: string[]; networks: string[] };
  active: boolean;
  memberId?: string;
}

export function Users() {
  const { t } = useI18n();
  const ref = useReference();
  const [q, setQ] = useState("");
  const dq = useDebounced(q, 250);
  const list = useLoad(async () => (await client.GET("/admin/users", { query: { q: dq.trim(), limit: 200 } })).data, [dq]);
  const [editing, setEditing] = useState<string>();
  const users = list.data ?? [];
  return (
    <section aria-labelledby="au-title">
      <h1 id="au-title">{t("au.title")}</h1>
      <NewUser onCreated={list.reload} />
      <div className="card">
        <h2 style={{ marginTop: 0 }}>{t("au.list")}</h2>
        <div className="field">
          <label htmlFor="au-q">{t("au.search")}</label>
          <input id="au-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
        </div>
        <ErrorBox error={list.error} />
        {!list.data && list.loading && <Loading />}
        {list.data && users.length === 0 && (
          <p className="muted" role="status">
            {t("common.noResults")}
          </p>
        )}
        <ul className="card-list" data-testid="users">
          {users.map((u) => (
            <li key={u.id} data-user={u.username}>
              <div className="row-between">
                <span>
                  <strong>{u.name}</strong> <span className="muted">({u.username})</span>
                  {!u.active && <span className="badge badge-muted"> {t("au.inactive")}</span>}
                </span>
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  aria-expanded={editing === u.id}
                  onClick={() => setEditing(editing === u.id ? undefined : u.id)}
                  aria-label={t("au.editLabel", { name: u.name })}
                >
                  {t("au.edit")}
                </button>
              </div>
              <p className="meta">
                <span>{u.roles.map((r) => t(`role.${r}` as Key)).join(", ")}</span>
                <span>{unitName(ref, u.unitId)}</span>
                {u.networks.length > 0 && <span>{u.networks.map((n) => networkName(ref, n)).join(", ")}</span>}
              </p>
              {editing === u.id && <EditUser user={u} onSaved={list.reload} />}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

const networkName = (ref: Reference, id: string) => ref.networks.find((n) => n.id === id)?.name ?? id;

function Checks<T extends string>({
  legend,
  options,
  value,
  onChange,
  label,
  idp,
}: {
  legend: string;
  options: T[];
  value: T[];
  onChange(v: T[]): void;
  label(o: T): string;
  idp: string;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="check-grid">
        {options.map((o) => (
          <label key={o} htmlFor={`${idp}-${o}`}>
            <input
              id={`${idp}-${o}`}
              type="checkbox"
              checked={value.includes(o)}
              onChange={(e) => onChange(e.target.checked ? [...value, o] : value.filter((x) => x !== o))}
            />
            {label(o)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

interface Shape {
  roles: Role[];
  unitId: string;
  networks: string[];
  scopeUnits: string[];
  scopeNetworks: string[];
}

function AccessFields({ idp, v, set }: { idp: string; v: Shape; set(v: Shape): void }) {
  const { t } = useI18n();
  const ref = useReference();
  return (
    <>
      <Checks
        idp={`${idp}-role`}
        legend={t("au.roles")}
        options={HUMAN_ROLES}
        value={v.roles}
        onChange={(roles) => set({ ...v, roles })}
        label={(r) => t(`role.${r}` as Key)}
      />
      <div className="field">
        <label htmlFor={`${idp}-unit`}>{t("nr.field.unit")}</label>
        <select id={`${idp}-unit`} value={v.unitId} onChange={(e) => set({ ...v, unitId: e.target.value })}>
          <option value="">–</option>
          {ref.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <Checks
        idp={`${idp}-net`}
        legend={t("au.networks")}
        options={ref.networks.map((n) => n.id)}
        value={v.networks}
        onChange={(networks) => set({ ...v, networks })}
        label={(n) => networkName(ref, n)}
      />
      {v.roles.includes("coordinator") && (
        <>
          <Checks
            idp={`${idp}-su`}
            legend={t("au.scopeUnits")}
            options={ref.units.map((u) => u.id)}
            value={v.scopeUnits}
            onChange={(scopeUnits) => set({ ...v, scopeUnits })}
            label={(u) => unitName(ref, u)}
          />
          <Checks
            idp={`${idp}-sn`}
            legend={t("au.scopeNetworks")}
            options={ref.networks.map((n) => n.id)}
            value={v.scopeNetworks}
            onChange={(scopeNetworks) => set({ ...v, scopeNetworks })}
            label={(n) => networkName(ref, n)}
          />
        </>
      )}
    </>
  );
}

function NewUser({ onCreated }: { onCreated(): void }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [username, setUsername] = useState("");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [v, set] = useState<Shape>({ roles: ["requester"], unitId: "", networks: [], scopeUnits: [], scopeNetworks: [] });
  const [error, setError] = useState<ApiError>();
  const [ok, setOk] = useState<string>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setOk(undefined);
    try {
      await client.POST("/admin/users", {
        body: {
          username: username.trim(),
          name: name.trim(),
          password,
          ...(email.trim() ? { email: email.trim() } : {}),
          roles: v.roles,
          unitId: v.unitId,
          networks: v.networks,
          ...(v.roles.includes("coordinator") ? { scope: { units: v.scopeUnits, networks: v.scopeNetworks } } : {}),
        },
      });
      const msg = t("au.created", { name: name.trim() });
      setOk(msg);
      announce(msg);
      setUsername("");
      setName("");
      setEmail("");
      setPassword("");
      onCreated();
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    }
  }
  return (
    <details className="card">
      <summary>
        <h2 style={{ display: "inline", fontSize: "1.2rem" }}>{t("au.new")}</h2>
      </summary>
      <form onSubmit={submit} noValidate aria-label={t("au.new")}>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="nu-username">{t("au.username")}</label>
            <input id="nu-username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="nu-name">{t("au.name")}</label>
            <input id="nu-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="nu-email">{t("rd.email")}</label>
            <input id="nu-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="nu-password">{t("au.password")}</label>
            <input id="nu-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
          </div>
        </div>
        <AccessFields idp="nu" v={v} set={set} />
        <ErrorBox error={error} />
        {ok && <OkNote>{ok}</OkNote>}
        <button type="submit" className="btn btn-primary">
          {t("au.create")}
        </button>
      </form>
    </details>
  );
}

function EditUser({ user, onSaved }: { user: AdminUser; onSaved(): void }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const idp = `eu-${user.id}`;
  const [v, set] = useState<Shape>({
    roles: user.roles,
    unitId: user.unitId,
    networks: user.networks,
    scopeUnits: user.scope.units,
    scopeNetworks: user.scope.networks,
  });
  const [password, setPassword] = useState("");
  const [error, setError] = useState<ApiError>();
  const [ok, setOk] = useState<string>();
  async function run(fn: () => Promise<unknown>, msg: string) {
    setError(undefined);
    setOk(undefined);
    try {
      await fn();
      setOk(msg);
      announce(msg);
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    }
  }
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () =>
        client.PATCH("/admin/users/{id}", {
          path: { id: user.id },
          body: { roles: v.roles, unitId: v.unitId, networks: v.networks, scope: { units: v.scopeUnits, networks: v.scopeNetworks } },
        }),
      t("common.saved"),
    );
  };
  return (
    <div className="edit-panel">
      <form onSubmit={save} noValidate aria-label={t("au.editLabel", { name: user.name })}>
        <AccessFields idp={idp} v={v} set={set} />
        <button type="submit" className="btn btn-primary">
          {t("au.save")}
        </button>
      </form>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => client.POST("/admin/users/{id}/reset-password", { path: { id: user.id }, body: { password } }), t("au.passwordReset"));
          setPassword("");
        }}
        noValidate
        aria-label={t("au.resetPassword")}
      >
        <div className="field">
          <label htmlFor={`${idp}-pw`}>{t("au.newPassword")}</label>
          <input id={`${idp}-pw`} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
        </div>
        <button type="submit" className="btn btn-secondary">
          {t("au.resetPassword")}
        </button>
      </form>
      <div className="actions">
        <button
          type="button"
          className={user.active ? "btn btn-danger" : "btn btn-secondary"}
          onClick={() => {
            if (user.active && !window.confirm(t("au.deactivateConfirm", { name: user.name }))) return;
            void run(
              () => client.PATCH("/admin/users/{id}", { path: { id: user.id }, body: { active: !user.active } }),
              user.active ? t("au.deactivated") : t("au.activated"),
            );
          }}
        >
          {user.active ? t("au.deactivate") : t("au.activate")}
        </button>
      </div>
      <ErrorBox error={error} />
      {ok && <OkNote>{ok}</OkNote>}
    </div>
  );
}

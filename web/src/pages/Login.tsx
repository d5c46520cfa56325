// Local sign-in, plus a button for the corporate identity provider when the server has OIDC configured.
import { useEffect, useState, type FormEvent } from "react";
import { ApiError } from "../api/client";
import { useI18n } from "../i18n";
import { useSession } from "../lib/session";
import { ErrorBox } from "../components/ErrorBox";
import { LangSwitch } from "../components/LangSwitch";
import { client, linkTo } from "../api/typed-client";

export function LoginPage() {
  const { t } = useI18n();
  const { login } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [oidc, setOidc] = useState(false);

  useEffect(() => {
    client
      .GET("/auth/providers", { quiet401: true })
      .then((p) => setOidc(!!p?.oidc))
      .catch(() => setOidc(false));
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login(username.trim(), password);
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-wrap">
      <header className="login-header">
        <span className="brand-mark" aria-hidden="true">
          NDV
        </span>
        <span>{t("app.name")}</span>
        <LangSwitch />
      </header>
      <main id="main" className="login-main">
        <div className="card login-card">
          <h1>{t("login.title")}</h1>
          <p className="muted">{t("login.intro")}</p>
          <form onSubmit={submit} noValidate>
            <div className="field">
              <label htmlFor="login-username">{t("login.username")}</label>
              <input
                id="login-username"
                name="username"
                autoComplete="username"
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                required
                autoFocus
              />
            </div>
            <div className="field">
              <label htmlFor="login-password">{t("login.password")}</label>
              <input
                id="login-password"
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                required
              />
            </div>
            <ErrorBox error={error} />
            <button type="submit" className="btn btn-primary btn-block" disabled={busy || !username || !password}>
              {busy ? t("login.busy") : t("login.submit")}
            </button>
          </form>
          {oidc && (
            <>
              <p className="divider">
                <span>{t("login.or")}</span>
              </p>
              <a className="btn btn-secondary btn-block" href={linkTo("/auth/oidc", { query: { returnTo: "/" } })}>
                {t("login.oidc")}
              </a>
            </>
          )}
        </div>
      </main>
    </div>
  );
}

// Create or rotate the caller's iCalendar feed token and copy the URL (rotating invalidates the old one).
import { useState } from "react";
import { ApiError } from "../api/client";
import { useI18n } from "../i18n";
import { ErrorBox } from "./ErrorBox";
import { client } from "../api/typed-client";

export function CalendarLink() {
  const { t } = useI18n();
  const [urls, setUrls] = useState<Record<string, string>>();
  const [error, setError] = useState<ApiError>();
  const [copied, setCopied] = useState<string>();

  async function create() {
    setError(undefined);
    try {
      const r = await client.POST("/calendar/token");
      const abs: Record<string, string> = {};
      for (const [k, v] of Object.entries(r.urls ?? {})) if (v) abs[k] = new URL(v, window.location.origin).href;
      setUrls(abs);
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    }
  }

  async function copy(k: string, v: string) {
    try {
      await navigator.clipboard.writeText(v);
      setCopied(k);
    } catch {
      setCopied(undefined);
    }
  }

  return (
    <div className="card">
      <h2 style={{ marginTop: 0 }}>{t("cal.title")}</h2>
      <p className="muted">{t("cal.intro")}</p>
      <button type="button" className="btn btn-secondary" onClick={() => void create()}>
        {urls ? t("cal.rotate") : t("cal.create")}
      </button>
      <ErrorBox error={error} />
      {urls &&
        Object.entries(urls).map(([k, v]) => (
          <div className="field" key={k} style={{ marginTop: "1rem" }}>
            <label htmlFor={`cal-${k}`}>{k === "me" ? t("cal.me") : t("cal.helpline")}</label>
            <div className="actions">
              <input id={`cal-${k}`} readOnly value={v} style={{ flex: 1, minWidth: "16rem" }} onFocus={(e) => e.target.select()} />
              <button type="button" className="btn btn-primary btn-small" onClick={() => void copy(k, v)}>
                {copied === k ? t("cal.copied") : t("cal.copy")}
              </button>
            </div>
          </div>
        ))}
    </div>
  );
}

// "Meldingen": how a member hears of offers outside the app (channels per urgency, quiet hours,
// acute at night, language, address) and, for coordinators and planners, their digest. Its own
// form with its own save, so it never mixes with the profile's expertise data.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { api, ApiError } from "../api/client";
import { URGENCIES } from "../../../api/src/contract/values";
import { useI18n } from "../i18n";
import { useLoad } from "../lib/useLoad";
import { useAnnounce } from "../lib/announce";
import { errorsFor, useFocusOnError } from "../lib/problems";
import { CHANNELS, DIGESTS, fromDraft, toDraft, toggle, type Draft, type NotificationPreferences } from "../lib/notification-prefs";
import { ErrorBox, Loading } from "./ErrorBox";
import { FieldErrors, TimeField } from "./Inputs";
import { PushDevice } from "./PushDevice";

export function NotificationSettings({ withDigest = false, withChannels = true }: { withDigest?: boolean; withChannels?: boolean }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const prefs = useLoad(() => api.get<NotificationPreferences>("/notification-preferences/me"));
  const [draft, setDraft] = useState<Draft>();
  const [error, setError] = useState<ApiError>();
  const [showInvalid, setShowInvalid] = useState(false);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(error, formRef, "np-errors");

  useEffect(() => {
    if (prefs.data) setDraft(toDraft(prefs.data));
  }, [prefs.data]);

  if (!draft) return prefs.error ? <ErrorBox error={prefs.error} /> : <Loading />;
  const update = (p: Partial<Draft>) => {
    setSaved(false);
    setDraft({ ...draft, ...p });
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    setError(undefined);
    const out = fromDraft(draft, { withDigest });
    if ("invalid" in out) {
      setShowInvalid(true);
      window.setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    setBusy(true);
    try {
      const r = await api.put<NotificationPreferences>("/notification-preferences/me", out.body);
      prefs.set(r && typeof r === "object" && "channels" in r ? r : out.body);
      setSaved(true);
      announce(t("np.saved"));
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="np-title" data-testid="notification-settings">
      <h2 id="np-title" style={{ marginTop: 0 }}>
        {t("np.title")}
      </h2>
      <p className="muted">{t("np.intro")}</p>
      <PushDevice />
      <form id="np-form" ref={formRef} onSubmit={save} noValidate>
        {withChannels && (
          <fieldset>
            <legend>{t("np.channels")}</legend>
            {URGENCIES.map((u) => (
              <div key={u} className="np-urgency" role="group" aria-labelledby={`np-u-${u}`}>
                <span id={`np-u-${u}`} className="np-urgency-name">
                  {t(`urgency.${u}`)}
                </span>
                <span className="check-grid">
                  {CHANNELS.map((c) => (
                    <label key={c}>
                      <input
                        type="checkbox"
                        name={`np-${u}-${c}`}
                        checked={draft.channels[u].includes(c)}
                        onChange={(e) => update({ channels: { ...draft.channels, [u]: toggle(draft.channels[u], c, e.target.checked) } })}
                        aria-label={t("np.channelFor", { channel: t(`np.channel.${c}`), urgency: t(`urgency.${u}`) })}
                      />
                      <span aria-hidden="true">{t(`np.channel.${c}`)}</span>
                    </label>
                  ))}
                </span>
                <FieldErrors id={`np-ch-${u}-error`} errors={errorsFor(error, `channels.${u}`)} />
              </div>
            ))}
          </fieldset>
        )}

        <fieldset>
          <legend>{t("np.quiet")}</legend>
          <label className="np-check">
            <input type="checkbox" checked={draft.quiet} onChange={(e) => update({ quiet: e.target.checked })} />
            <span>{t("np.quietOn")}</span>
          </label>
          {draft.quiet && (
            <div className="inline-form">
              <TimeField
                id="np-start"
                label={t("np.quietStart")}
                value={draft.start}
                onChange={(v) => update({ start: v })}
                showInvalid={showInvalid}
                required
                errors={errorsFor(error, "quietHours.start")}
                inputStyle={{ width: "7rem" }}
              />
              <TimeField
                id="np-end"
                label={t("np.quietEnd")}
                value={draft.end}
                onChange={(v) => update({ end: v })}
                showInvalid={showInvalid}
                required
                errors={errorsFor(error, "quietHours.end")}
                inputStyle={{ width: "7rem" }}
              />
            </div>
          )}
          <p className="hint">{t("np.quietHint")}</p>
          <label className="np-check">
            <input type="checkbox" checked={draft.acuteAtNight} onChange={(e) => update({ acuteAtNight: e.target.checked })} />
            <span>{t("np.acuteAtNight")}</span>
          </label>
        </fieldset>

        <div className="field">
          <label htmlFor="np-language">{t("np.language")}</label>
          <select id="np-language" value={draft.language} onChange={(e) => update({ language: e.target.value === "en" ? "en" : "nl" })}>
            <option value="nl" lang="nl">
              Nederlands
            </option>
            <option value="en" lang="en">
              English
            </option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="np-email">{t("np.email")}</label>
          <span className="hint" id="np-email-hint">
            {t("np.emailHint")}
          </span>
          <input
            id="np-email"
            type="email"
            inputMode="email"
            autoComplete="email"
            value={draft.email}
            onChange={(e) => update({ email: e.target.value })}
            aria-describedby="np-email-hint np-email-error"
            aria-invalid={errorsFor(error, "email").length > 0 || undefined}
          />
          <FieldErrors id="np-email-error" errors={errorsFor(error, "email")} />
        </div>
        {withDigest && (
          <fieldset>
            <legend>{t("np.digest")}</legend>
            <span className="check-grid">
              {DIGESTS.map((d) => (
                <label key={d}>
                  <input type="radio" name="np-digest" value={d} checked={draft.digest === d} onChange={() => update({ digest: d })} />
                  <span>{t(`np.digest.${d}`)}</span>
                </label>
              ))}
            </span>
          </fieldset>
        )}
        <div id="np-errors" tabIndex={-1}>
          <ErrorBox error={error} inline={["channels", "quietHours", "email"]} />
        </div>
        {saved && (
          <p className="alert alert-ok" role="status" data-testid="np-saved">
            {t("np.saved")}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t("np.save")}
        </button>
      </form>
    </section>
  );
}

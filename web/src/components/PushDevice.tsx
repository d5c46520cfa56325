// Push on this device: on/off, with the browser's permission state in plain words.
import { useEffect, useState } from "react";
import { ApiError } from "../api/client";
import { useI18n } from "../i18n";
import { problemText } from "../lib/problems";
import { disablePush, enablePush, pushState, type PushState } from "../lib/push";

export function PushDevice() {
  const { t, lang } = useI18n();
  const [state, setState] = useState<PushState>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    pushState()
      .then((s) => live && setState(s))
      .catch(() => live && setState("unsupported"));
    return () => {
      live = false;
    };
  }, []);

  async function run(fn: () => Promise<PushState>) {
    setBusy(true);
    setError(undefined);
    try {
      setState(await fn());
    } catch (e) {
      if (e instanceof ApiError) setError(e.status === 404 || e.status === 503 ? t("np.noServer") : problemText(t, lang, e.problem));
      else setError(t("np.subscribeFailed", { detail: e instanceof Error ? e.message : String(e) })); // the browser's push service refused
    } finally {
      setBusy(false);
    }
  }

  if (!state) return null;
  return (
    <div className="np-device" data-testid="push-device" data-state={state}>
      <h3>{t("np.device")}</h3>
      {state === "unsupported" && <p className="muted">{t("np.unsupported")}</p>}
      {state === "denied" && <p className="alert alert-warn">{t("np.denied")}</p>}
      {(state === "on" || state === "off") && (
        <div className="row-between">
          <p style={{ margin: 0 }} role="status">
            {state === "on" ? t("np.deviceOn") : t("np.deviceOff")}
          </p>
          <button
            type="button"
            className={state === "on" ? "btn btn-secondary" : "btn btn-primary"}
            disabled={busy}
            onClick={() => void run(state === "on" ? disablePush : enablePush)}
          >
            {state === "on" ? t("np.disable") : t("np.enable")}
          </button>
        </div>
      )}
      {error && (
        <p className="alert alert-error" role="alert" data-testid="push-error">
          {error}
        </p>
      )}
    </div>
  );
}

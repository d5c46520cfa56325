// A banner while the browser is offline: the app shell still works from the service worker's
// cache, but nothing can be sent. Announced politely; it is not an error the user caused.
import { useI18n } from "../i18n";
import { useOnline } from "../lib/online";

export function OfflineBanner() {
  const { t } = useI18n();
  const online = useOnline();
  return (
    <div role="status" aria-live="polite" className="offline-slot">
      {!online && (
        <p className="offline-banner" data-testid="offline-banner">
          {t("pwa.offline")}
        </p>
      )}
    </div>
  );
}

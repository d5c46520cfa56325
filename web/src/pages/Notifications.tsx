// "#/notifications" for coordinators and planners: their digest and alert e-mails (members set
// theirs on the profile page, next to their availability).
import { useI18n } from "../i18n";
import { useSession } from "../lib/session";
import { NotificationSettings } from "../components/NotificationSettings";

export default function NotificationsPage() {
  const { t } = useI18n();
  const { has } = useSession();
  return (
    <section aria-labelledby="npp-title">
      <h1 id="npp-title">{t("np.title")}</h1>
      <p className="muted">{t("np.digestIntro")}</p>
      <NotificationSettings withDigest withChannels={has("member")} />
    </section>
  );
}

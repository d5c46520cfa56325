import { useI18n } from "../i18n";

export function LangSwitch({ dark }: { dark?: boolean }) {
  const { lang, setLang, t } = useI18n();
  const next = lang === "nl" ? "en" : "nl";
  return (
    <button
      type="button"
      className={dark ? "btn btn-secondary" : "btn btn-ghost-light"}
      onClick={() => setLang(next)}
      lang={next}
      aria-label={t("layout.langSwitch")}
    >
      {next === "en" ? "English" : "Nederlands"}
    </button>
  );
}

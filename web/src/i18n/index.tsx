// Dutch by default, English on request; the choice is kept in localStorage.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { nl, type Key } from "./nl";
import { en } from "./en";
import { formatDate, formatDateTime } from "../lib/format";

export type Lang = "nl" | "en";
const DICTS: Record<Lang, Record<Key, string>> = { nl, en };
const STORAGE = "ndv.lang";

export type T = (key: Key, vars?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang(l: Lang): void;
  t: T;
  /** Number and date formatting in the current language. */
  num(n: number, digits?: number): string;
  date(iso: string | Date | undefined, withTime?: boolean): string;
}

const Ctx = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE);
    if (v === "nl" || v === "en") return v;
  } catch {
    /* storage may be blocked */
  }
  return "nl";
}

export function translate(lang: Lang, key: Key, vars?: Record<string, string | number>): string {
  let s = DICTS[lang][key] ?? nl[key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE, l);
    } catch {
      /* ignore */
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = lang === "nl" ? "nl-NL" : "en-GB";
    return {
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      num: (n, digits = 1) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n),
      // Explicit patterns (web/src/lib/format.ts): dd-mm-jjjj and 24 h whatever the browser's locale.
      date: (iso, withTime = true) => (withTime ? formatDateTime(iso) : formatDate(iso)),
    };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error("useI18n outside I18nProvider");
  return v;
}

export type { Key };

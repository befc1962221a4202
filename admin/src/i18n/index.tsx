/**
 * UI language of the newsroom app (Russian or English). Strings live in ru.ts and en.ts with the
 * same keys: `Messages` is derived from en.ts and ru.ts is typed with it, so a key missing from
 * either file fails the type check. Plural forms are written "one|few|many|other" (ru) or
 * "one|other" (en) and picked with Intl.PluralRules.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { ru } from './ru';

export type Messages = typeof en;
export type MessageKey = keyof Messages;
export type UiLang = 'ru' | 'en';
export const UI_LANGS: UiLang[] = ['ru', 'en'];

const CATALOGUES: Record<UiLang, Messages> = { ru, en };
const PLURAL_ORDER: Record<UiLang, Intl.LDMLPluralRule[]> = { ru: ['one', 'few', 'many', 'other'], en: ['one', 'other'] };
const STORAGE_KEY = 'xabar.admin.lang';

export type Vars = Record<string, string | number>;

function interpolate(s: string, vars?: Vars): string {
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export function initialLang(): UiLang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'ru' || saved === 'en') return saved;
  } catch {
    /* storage may be unavailable */
  }
  const nav = (navigator.languages?.[0] ?? navigator.language ?? 'ru').toLowerCase();
  if (nav.startsWith('en')) return 'en';
  return 'ru';
}

export interface I18n {
  lang: UiLang;
  setLang(l: UiLang): void;
  t(key: MessageKey, vars?: Vars): string;
  /** Plural: the message holds the forms separated by "|"; {n} is the number. */
  tn(key: MessageKey, n: number, vars?: Vars): string;
  date(iso: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
  time(iso: string | Date | null | undefined): string;
  number(n: number): string;
}

const I18nContext = createContext<I18n | null>(null);

export function makeI18n(lang: UiLang, setLang: (l: UiLang) => void): I18n {
  const cat = CATALOGUES[lang];
  const tag = lang === 'ru' ? 'ru-RU' : 'en-GB';
  const pr = new Intl.PluralRules(tag);
  const fDate = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric' });
  const fDateTime = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const fTime = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' });
  const fNum = new Intl.NumberFormat(tag);
  const safe = (f: Intl.DateTimeFormat, v: string | Date | null | undefined) => {
    if (!v) return '';
    const d = typeof v === 'string' ? new Date(v) : v;
    return Number.isNaN(d.getTime()) ? '' : f.format(d);
  };
  return {
    lang,
    setLang,
    t: (key, vars) => interpolate(cat[key] ?? String(key), vars),
    tn: (key, n, vars) => {
      const forms = (cat[key] ?? String(key)).split('|');
      const idx = PLURAL_ORDER[lang].indexOf(pr.select(n));
      const form = forms[Math.max(0, Math.min(forms.length - 1, idx < 0 ? forms.length - 1 : idx))] ?? '';
      return interpolate(form, { n: fNum.format(n), ...vars });
    },
    date: (v) => safe(fDate, v),
    dateTime: (v) => safe(fDateTime, v),
    time: (v) => safe(fTime, v),
    number: (n) => fNum.format(n),
  };
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<UiLang>(initialLang);
  const setLang = useCallback((l: UiLang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* ignore */
    }
  }, []);
  const value = useMemo(() => {
    document.documentElement.lang = lang;
    return makeI18n(lang, setLang);
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

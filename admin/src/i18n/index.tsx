/**
 * UI language of the newsroom app: Russian, English, Uzbek Latin (`uz`) and Uzbek Cyrillic
 * (`uz-Cyrl`). Strings live in ru.ts, en.ts and uz.ts with the same keys: `Messages` is derived
 * from en.ts and the others are typed with it, so a key missing from any file fails the type check.
 * The Cyrillic catalogue is not written by hand: it is made from uz.ts by the project's
 * transliterator (src/i18n/translit.ts, the same module the server uses for its own catalogue and
 * for derived story editions), so the two scripts can never drift apart.
 * Plural forms are written "one|few|many|other" (ru) or "one|other" (en) and picked with
 * Intl.PluralRules; Uzbek needs no plural forms ("5 ta material").
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { toCyrillic } from '../../../src/i18n/translit';
import { setErrorTranslator, type ErrorTranslator } from '../api';
import { en } from './en';
import { ru } from './ru';
import { uz } from './uz';

export type Messages = typeof en;
export type MessageKey = keyof Messages;
export type UiLang = 'ru' | 'uz' | 'uz-Cyrl' | 'en';
export const UI_LANGS: UiLang[] = ['ru', 'uz', 'uz-Cyrl', 'en'];
/** Each language's name in itself, for the switchers. */
export const UI_LANG_NAMES: Record<UiLang, string> = { ru: 'Русский', uz: 'Oʻzbekcha', 'uz-Cyrl': 'Ўзбекча', en: 'English' };
export const UI_LANG_SHORT: Record<UiLang, string> = { ru: 'RU', uz: 'OʻZ', 'uz-Cyrl': 'ЎЗ', en: 'EN' };
/** BCP 47 tags for Intl (dates, numbers, plural rules) and for <html lang>. */
export const UI_LANG_TAGS: Record<UiLang, string> = { ru: 'ru-RU', uz: 'uz-Latn', 'uz-Cyrl': 'uz-Cyrl', en: 'en-GB' };

/** Words the transliterator must leave in Latin letters (product names, standard abbreviations). */
const KEEP = { keep: ['SEO', 'URL', 'IANA', 'MB', 'KB', 'RSS', 'Telegram', 'Twitter', 'X', 'Asia/Tashkent', 'Asia', 'Tashkent', 'PNG', 'WebP', 'SVG', 'px', 'QR', 'TOTP', 'Google', 'Microsoft', 'Authenticator', 'Aegis', '2FAS', 'JPEG', 'AVIF', 'GIF', 'NUL', 'ISO', 'XABAR_SECRET_KEY', 'XABAR', 'SECRET', 'KEY', 'multipart', 'form-data', 'file', 'API', 'Authorization', 'Bearer', 'X-Api-Key', 'key', 'docs', 'wire', 'md', 'ninjs', 'JSON', 'NewsML-G2', 'limit', 'since', 'order', 'published', 'changed', 'next', 'HTTP', 'POST', 'Standard', 'http', 'https', 'CSV', 'Do', 'Not', 'Track', 'GPC'] };

/**
 * The Cyrillic twin of a Latin catalogue. Only the template is converted, never what is put into
 * it: each {placeholder} is swapped for a private-use character (which the transliterator passes
 * through) before conversion and put back afterwards, so arguments are filled in untouched later.
 * This is the rule the server follows for its message functions (src/i18n/messages/index.ts).
 */
export function cyrillicCatalogue(m: Messages): Messages {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(m)) {
    const slots: string[] = [];
    const masked = value.replace(/\{\w+\}/g, (p) => String.fromCharCode(0xe000 + slots.push(p) - 1));
    out[key] = toCyrillic(masked, KEEP).replace(/[\ue000-\ue0ff]/g, (c) => slots[c.charCodeAt(0) - 0xe000] ?? c);
  }
  return out as Messages;
}

let uzCyrl: Messages | null = null;
function catalogue(lang: UiLang): Messages {
  if (lang === 'uz-Cyrl') return (uzCyrl ??= cyrillicCatalogue(uz));
  return lang === 'ru' ? ru : lang === 'uz' ? uz : en;
}
const PLURAL_ORDER: Record<UiLang, Intl.LDMLPluralRule[]> = { ru: ['one', 'few', 'many', 'other'], en: ['one', 'other'], uz: ['one', 'other'], 'uz-Cyrl': ['one', 'other'] };
const STORAGE_KEY = 'xabar.admin.lang';

export type Vars = Record<string, string | number>;

function interpolate(s: string, vars?: Vars): string {
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export function isUiLang(v: unknown): v is UiLang {
  return typeof v === 'string' && (UI_LANGS as string[]).includes(v);
}

/** The UI language for a browser language tag: uz-Cyrl for uz-Cyrl*, uz for other uz*, and so on. */
export function langFromTag(tag: string): UiLang | null {
  const t = tag.toLowerCase();
  if (t === 'uz-cyrl' || t.startsWith('uz-cyrl-')) return 'uz-Cyrl';
  if (t === 'uz' || t.startsWith('uz-')) return 'uz';
  if (t === 'ru' || t.startsWith('ru-')) return 'ru';
  if (t === 'en' || t.startsWith('en-')) return 'en';
  return null;
}

export function initialLang(): UiLang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isUiLang(saved)) return saved;
  } catch {
    /* storage may be unavailable */
  }
  const tags = navigator.languages?.length ? navigator.languages : [navigator.language ?? 'ru'];
  for (const tag of tags) {
    const l = tag ? langFromTag(tag) : null;
    if (l) return l;
  }
  return 'ru';
}

export interface I18n {
  lang: UiLang;
  /** The Intl tag of the language (ru-RU, uz-Latn, uz-Cyrl, en-GB). */
  tag: string;
  setLang(l: UiLang): void;
  t(key: MessageKey, vars?: Vars): string;
  /** Plural: the message holds the forms separated by "|"; {n} is the number. */
  tn(key: MessageKey, n: number, vars?: Vars): string;
  date(iso: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
  time(iso: string | Date | null | undefined): string;
  /** Day and time without the year ("26-noy, 14:02"). */
  dayTime(iso: string | Date | null | undefined): string;
  number(n: number): string;
}

const I18nContext = createContext<I18n | null>(null);

type DateFn = (d: Date) => string;
interface DateFormats {
  date: DateFn;
  dateTime: DateFn;
  time: DateFn;
  dayTime: DateFn;
}

function intlDates(tag: string): DateFormats {
  const f = (o: Intl.DateTimeFormatOptions) => {
    const fmt = new Intl.DateTimeFormat(tag, o);
    return (d: Date) => fmt.format(d);
  };
  return {
    date: f({ day: 'numeric', month: 'short', year: 'numeric' }),
    dateTime: f({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
    time: f({ hour: '2-digit', minute: '2-digit' }),
    dayTime: f({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
  };
}

/** Whether this browser has CLDR data for `tag` (trimmed ICU builds answer with root patterns: "M11"). */
function hasDateData(tag: string): boolean {
  try {
    const month = new Intl.DateTimeFormat(tag, { month: 'long' }).format(new Date(2026, 10, 15));
    return !/^(M?\d+)$/.test(month.trim());
  } catch {
    return false;
  }
}

/** CLDR's Uzbek abbreviated months and patterns ("26-noy, 2026" / "26 ноя, 2026"), for browsers without the data. */
const UZ_MONTHS: Record<'uz' | 'uz-Cyrl', string[]> = {
  uz: ['yan', 'fev', 'mar', 'apr', 'may', 'iyn', 'iyl', 'avg', 'sen', 'okt', 'noy', 'dek'],
  'uz-Cyrl': ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
};
function uzDates(lang: 'uz' | 'uz-Cyrl'): DateFormats {
  const p2 = (n: number) => String(n).padStart(2, '0');
  const hm = (d: Date) => `${p2(d.getHours())}:${p2(d.getMinutes())}`;
  const day = (d: Date) => `${d.getDate()}${lang === 'uz' ? '-' : ' '}${UZ_MONTHS[lang][d.getMonth()]}`;
  return {
    date: (d) => `${day(d)}, ${d.getFullYear()}`,
    // CLDR: "26-noy, 2026, 09:05" and "26-noy, 09:05"; "26 ноя, 2026 09:05" and "26 ноя 09:05".
    dateTime: (d) => `${day(d)}, ${d.getFullYear()}${lang === 'uz' ? ',' : ''} ${hm(d)}`,
    time: hm,
    dayTime: (d) => `${day(d)}${lang === 'uz' ? ',' : ''} ${hm(d)}`,
  };
}

export function makeI18n(lang: UiLang, setLang: (l: UiLang) => void): I18n {
  const cat = catalogue(lang);
  const tag = UI_LANG_TAGS[lang];
  const pr = new Intl.PluralRules(tag);
  const uzbek = lang === 'uz' || lang === 'uz-Cyrl';
  const withData = !uzbek || hasDateData(tag);
  const dates = withData ? intlDates(tag) : uzDates(lang as 'uz' | 'uz-Cyrl');
  // Uzbek groups digits like Russian ("12 345,6") in both scripts.
  const fNum = new Intl.NumberFormat(withData ? tag : 'ru-RU');
  const safe = (f: DateFn, v: string | Date | null | undefined) => {
    if (!v) return '';
    const d = typeof v === 'string' ? new Date(v) : v;
    return Number.isNaN(d.getTime()) ? '' : f(d);
  };
  return {
    lang,
    tag,
    setLang,
    t: (key, vars) => interpolate(cat[key] ?? String(key), vars),
    tn: (key, n, vars) => {
      const forms = (cat[key] ?? String(key)).split('|');
      const idx = PLURAL_ORDER[lang].indexOf(pr.select(n));
      const form = forms[Math.max(0, Math.min(forms.length - 1, idx < 0 ? forms.length - 1 : idx))] ?? '';
      return interpolate(form, { n: fNum.format(n), ...vars });
    },
    date: (v) => safe(dates.date, v),
    dateTime: (v) => safe(dates.dateTime, v),
    time: (v) => safe(dates.time, v),
    dayTime: (v) => safe(dates.dayTime, v),
    number: (n) => fNum.format(n),
  };
}

/** Parameters naming a role or a status are shown by their names in this language. */
const PARAM_PREFIX: Record<string, string> = { role: 'role.', minRole: 'role.', status: 'status.', from: 'status.', to: 'status.' };

/**
 * A server message key (`story.headline_required`) in this language: the catalogue's
 * `err.<key>` filled with the parameters, or null when the catalogue has no such key.
 */
export function apiErrorTranslator(i: I18n): ErrorTranslator {
  return (key, params) => {
    const k = `err.${key}`;
    const vars: Vars = {};
    for (const [name, v] of Object.entries(params ?? {})) {
      const prefix = PARAM_PREFIX[name];
      const named = prefix ? `${prefix}${v}` : '';
      const local = named ? i.t(named as MessageKey) : '';
      vars[name] = local && local !== named ? local : typeof v === 'number' ? i.number(v) : String(v);
    }
    const s = i.t(k as MessageKey, vars);
    return s === k ? null : s;
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
    document.documentElement.lang = UI_LANG_TAGS[lang].replace(/-(RU|GB)$/, '');
    const i = makeI18n(lang, setLang);
    // Server errors read in this language wherever they are shown (ApiError.text(), .fields).
    setErrorTranslator(apiErrorTranslator(i));
    return i;
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/**
 * Tables for the Uzbek Latin ↔ Cyrillic transliterator (translit.ts).
 *
 * Sources:
 * - Law of 2 Sept 1993 «Lotin yozuviga asoslangan oʻzbek alifbosini joriy etish toʻgʻrisida» as amended
 *   6 May 1995: 26 letters + oʻ gʻ sh ch ng + the tutuq belgisi (ʼ).
 * - Cabinet of Ministers resolution №339 of 24 Aug 1995 «Oʻzbek tilining asosiy imlo qoidalari» and its
 *   annex on writing Cyrillic-only letters in Latin (ё/ю/я, ь, ъ, ц, щ, ы), quoted where used.
 * - Code points: oʻ gʻ use U+02BB MODIFIER LETTER TURNED COMMA and the tutuq U+02BC MODIFIER LETTER
 *   APOSTROPHE, the forms the Unicode/CLDR Uzbek data and the Uzbek Wikipedia use.
 * - The 2018–2019 working-group proposals and the 2021/2023 drafts to replace oʻ gʻ sh ch with
 *   õ/ō ğ ş ç (and ng with ñ) were never adopted; the 1995 letters are used, and words written in the
 *   draft letters count as foreign (Turkish Şahin, Çelik) and are left as written.
 * Loanword spellings were checked against the Oʻzbek tilining izohli lugʻati (5 vols, 2006–2008) and the
 * Imlo lugʻati, the references the 1995 annex itself points to («soʻzning toʻgʻri yozilishi Imlo
 * lugʻatida aks ettiriladi»).
 */

/** Modifier letter turned comma: the mark of oʻ and gʻ. */
export const OKINA = '\u02BB';
/** Modifier letter apostrophe: the tutuq belgisi (glottal stop, Cyrillic ъ). */
export const TUTUQ = '\u02BC';

/** Every apostrophe people type for oʻ/gʻ or the tutuq: ' ` ´ ‘ ’ ʻ ʼ. */
export const APOSTROPHES: ReadonlySet<string> = new Set(["'", '`', '\u00B4', '\u2018', '\u2019', OKINA, TUTUQ]);

/** One-letter Latin → Cyrillic (lower case); digraphs, e/ye, ts and the apostrophes are rules. */
export const LATIN_LETTER: Readonly<Record<string, string>> = {
  a: 'а', b: 'б', c: 'ц', d: 'д', f: 'ф', g: 'г', h: 'ҳ', i: 'и', j: 'ж', k: 'к', l: 'л', m: 'м',
  n: 'н', o: 'о', p: 'п', q: 'қ', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', x: 'х', y: 'й', z: 'з',
};

/**
 * One-letter Cyrillic → Latin (lower case); е, ц, ъ, ь and сҳ are rules.
 * щ → sh and ы → i are the annex's rules for Russian words (община – obshina, вымпел – vimpel).
 */
export const CYRILLIC_LETTER: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ё: 'yo', ж: 'j', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'x', ч: 'ch', ш: 'sh',
  щ: 'sh', ы: 'i', э: 'e', ю: 'yu', я: 'ya', ў: 'o' + OKINA, қ: 'q', ғ: 'g' + OKINA, ҳ: 'h',
};

export const LATIN_VOWELS = 'aeiou';
export const CYRILLIC_VOWELS = 'аеёиоуэюяўы';

/** Abbreviations whose letter case the rules cannot carry; matched with exact case. */
export const ABBREVIATIONS: ReadonlyArray<readonly [string, string]> = [
  ['DXX', 'ДХХ'], // Davlat xavfsizlik xizmati: would otherwise read as the Roman numeral 520
  ['MChJ', 'МЧЖ'], // masʼuliyati cheklangan jamiyat
  ['O' + OKINA + 'zLiDeP', 'ЎзЛиДеП'], // party name, mixed case inside the word
  // Units of power written with a capital inside (kilovatt): the case is part of the symbol.
  ['kVt', 'кВт'], ['MVt', 'МВт'], ['GVt', 'ГВт'], ['kVt·soat', 'кВт·соат'],
];

/** Suffixes written straight after digits (3138ta, 5ga, 10dan, 2-chi is hyphenated). */
export const NUMBER_SUFFIXES: ReadonlySet<string> = new Set([
  'ta', 'tasi', 'tadan', 'talik', 'nchi', 'inchi', 'chi', 'dan', 'da', 'ga', 'gacha', 'ni', 'ning', 'lar',
  'lik', 'dagi', 'si', 'i', 'yil', 'lab', 'tacha', 'dek', 'm', 'miz', 'ming', 'mln', 'mlrd',
]);

/**
 * Uzbek suffixes a lexicon word may take (plural, possessive, case, a few derivational ones and
 * particles), matched as a chain: sirk+lar+da. Kept to forms that do not make common native words
 * look like lexicon words (no -gan: mergan is not мэр+gan).
 */
export const SUFFIXES: readonly string[] = [
  'lar', 'ning', 'ni', 'ga', 'ka', 'qa', 'da', 'dan', 'dagi', 'gacha', 'dek', 'day', 'cha', 'i', 'si',
  'im', 'ing', 'imiz', 'ingiz', 'm', 'ng', 'miz', 'ngiz', 'mi', 'chi', 'li', 'lik', 'siz', 'dir', 'ku',
  'ki', 'gi',
  // Verbs made from nouns, as whole units (not -ish or -gan alone): asfaltlash, kompyuterlashtirish.
  'lash', 'lashtir', 'lashtirish', 'lashtirilgan', 'lashuv', 'lashgan', 'lashadi', 'lashdi',
];

/**
 * Brands and abbreviations kept as written when converting to Cyrillic (exact case; the ALL-CAPS
 * form of a mixed-case entry matches too). Words with c (not ch), w or letters outside the Uzbek
 * alphabet, mixed case inside a word (iPhone) or digits (5G) are kept by rule and need no entry.
 */
export const DEFAULT_KEEP: readonly string[] = [
  'Google', 'Apple', 'Netflix', 'Xiaomi', 'Toyota', 'Hyundai', 'Chevrolet', 'Payme', 'Linux', 'Express',
  'Group', 'Online', 'Uzbekistan', 'Tashkent', 'Samarkand', 'Bukhara', 'BYD', 'LG', 'HP', 'IBM', 'IT',
  'AI', 'IP', 'GPS', 'USB', 'PDF', 'HTML', 'URL', 'API', 'VPN', 'SIM', 'PhD', 'MySQL',
];

/**
 * Unit symbols after a number. Converting to Cyrillic the metric ones follow the script (5 km → 5 км,
 * as Uzbek Cyrillic writes them); the international ones (100 MB, 5 GHz) are left as written.
 */
export const UNITS: ReadonlySet<string> = new Set([
  'km', 'm', 'sm', 'cm', 'mm', 'nm', 'ga', 'kg', 'g', 'mg', 't', 'l', 'ml', 'ha', 'kW', 'kWh', 'MW', 'GW', 'Hz', 'kHz',
  'MHz', 'GHz', 'KB', 'MB', 'GB', 'TB', 'kbps', 'Mbps', 'Gbps', 'mAh', 'V', 'A', 'W', 'dB',
]);

/** Top-level domains for recognising bare domain names in text (kun.uz, gov.uz). */
export const TLDS =
  'uz|ru|com|org|net|info|io|gov|edu|int|kz|kg|tj|tm|az|tr|ua|by|us|uk|de|fr|eu|cn|jp|kr|tv|me|ai|app|dev|news|online|site|xyz|co|biz|pro|asia';

/** File extensions for recognising file names in text (hisobot.pdf). */
export const FILE_EXTENSIONS = 'pdf|docx?|xlsx?|pptx?|odt|rtf|jpe?g|png|gif|webp|svg|mp3|mp4|zip|rar|txt|csv|json|html?';

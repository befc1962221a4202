/**
 * The site's own fonts: Noto Serif (headlines) and Noto Sans (text), served as per-script woff2
 * subsets under hashed asset URLs. Each subset is one @font-face with its unicode-range, so a
 * browser downloads only the scripts a page uses:
 * - latin and latin-ext: the @fontsource packages' files and ranges (Uzbek Latin's ʻ ʼ,
 *   U+02BB/U+02BC, are in latin);
 * - cyrillic-uz: ours (src/site/assets/fonts/, made by scripts/build-uz-cyrillic-fonts.py), the
 *   package's cyrillic subset plus the Uzbek letters Ғ ғ Қ қ Ҳ ҳ from its cyrillic-ext (Ў ў are in
 *   cyrillic already), so Russian and Uzbek Cyrillic pages alike need one Cyrillic file per face;
 * - cyrillic-ext: the package's file, claiming the rest of its range (other Cyrillic alphabets).
 * test/site-look.test.ts reads the files' character maps to prove every letter of the four
 * alphabets is in the subset that claims it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../i18n/locales.js';

export interface FontFace {
  family: 'Noto Serif' | 'Noto Sans';
  weight: 400 | 700;
  style: 'normal' | 'italic';
  subset: Subset;
  /** The woff2 file inside node_modules. */
  file: string;
  /** The file's name without folder, as the asset store names it. */
  name: string;
  unicodeRange: string;
}

export const SUBSETS = ['latin', 'latin-ext', 'cyrillic-uz', 'cyrillic-ext'] as const;
export type Subset = (typeof SUBSETS)[number];

/** The faces the stylesheet uses: serif 400/700 (headlines, standfirst), sans 400/400 italic/700. */
const FACES: { pkg: string; family: FontFace['family']; weight: FontFace['weight']; style: FontFace['style'] }[] = [
  { pkg: 'noto-serif', family: 'Noto Serif', weight: 700, style: 'normal' },
  { pkg: 'noto-serif', family: 'Noto Serif', weight: 400, style: 'normal' },
  { pkg: 'noto-sans', family: 'Noto Sans', weight: 400, style: 'normal' },
  { pkg: 'noto-sans', family: 'Noto Sans', weight: 700, style: 'normal' },
  { pkg: 'noto-sans', family: 'Noto Sans', weight: 400, style: 'italic' },
];

/**
 * Subsets a page's headlines need, per locale: preloaded so headlines do not wait for the CSS.
 * A Cyrillic headline needs latin too: its spaces, digits and punctuation (« » — …) are there.
 */
export const HEADLINE_SUBSETS: Record<Locale, Subset[]> = {
  ru: ['cyrillic-uz', 'latin'],
  uz: ['latin'],
  'uz-Cyrl': ['cyrillic-uz', 'latin'],
  en: ['latin'],
};

/** The Uzbek letters the package's cyrillic subset lacks; keep in step with scripts/build-uz-cyrillic-fonts.py. */
export const UZ_LETTERS = 'U+0492-0493,U+049A-049B,U+04B2-04B3';

/** Our own subset files (cyrillic-uz). */
const OWN_FONTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets', 'fonts');

const require = createRequire(import.meta.url);

type Ranges = [number, number][];

function parseRange(range: string): Ranges {
  return range.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    const lo = parseInt(a!, 16);
    return [lo, b ? parseInt(b, 16) : lo];
  });
}

/** Sorted, with overlapping and adjacent intervals joined. */
function formatRange(input: Ranges): string {
  const ranges: Ranges = [];
  for (const [lo, hi] of [...input].sort((a, b) => a[0] - b[0])) {
    const last = ranges[ranges.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else ranges.push([lo, hi]);
  }
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  return ranges.map(([lo, hi]) => (lo === hi ? `U+${hex(lo)}` : `U+${hex(lo)}-${hex(hi)}`)).join(',');
}

/** The code points of `range` not in `minus`, as a unicode-range. */
export function subtractRange(range: string, minus: string): string {
  let out = parseRange(range);
  for (const [mlo, mhi] of parseRange(minus)) {
    out = out.flatMap(([lo, hi]): Ranges => {
      if (mhi < lo || mlo > hi) return [[lo, hi]];
      const keep: Ranges = [];
      if (lo < mlo) keep.push([lo, mlo - 1]);
      if (hi > mhi) keep.push([mhi + 1, hi]);
      return keep;
    });
  }
  return formatRange(out);
}

/**
 * Every face × subset with its unicode-range: latin and latin-ext as the package publishes them
 * (its unicode.json); cyrillic-uz is the package's cyrillic range plus the Uzbek letters, and
 * cyrillic-ext keeps the rest of its range, so no code point is claimed by two files of a face.
 */
export function fontFaces(): FontFace[] {
  const out: FontFace[] = [];
  for (const f of FACES) {
    const dir = path.dirname(require.resolve(`@fontsource/${f.pkg}/package.json`));
    const ranges = JSON.parse(fs.readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
    const range = (subset: string) => {
      const r = ranges[subset];
      if (!r) throw new Error(`@fontsource/${f.pkg} has no unicode range for ${subset}`);
      return r;
    };
    const cyrillicUz = formatRange(parseRange(`${range('cyrillic')},${UZ_LETTERS}`));
    for (const subset of SUBSETS) {
      const name = `${f.pkg}-${subset}-${f.weight}-${f.style}.woff2`;
      const own = subset === 'cyrillic-uz';
      const unicodeRange = own ? cyrillicUz : subset === 'cyrillic-ext' ? subtractRange(range(subset), cyrillicUz) : range(subset);
      out.push({ family: f.family, weight: f.weight, style: f.style, subset, file: own ? path.join(OWN_FONTS, name) : path.join(dir, 'files', name), name, unicodeRange });
    }
  }
  return out;
}

/** The @font-face rules, pointing at the hashed URLs the asset store gave the files. */
export function fontFaceCss(faces: FontFace[], urlOf: (name: string) => string): string {
  return faces
    .map((f) => `@font-face{font-family:'${f.family}';font-style:${f.style};font-weight:${f.weight};font-display:swap;src:url(${urlOf(f.name)}) format('woff2');unicode-range:${f.unicodeRange}}`)
    .join('\n');
}

/** The file names to preload on a page in `locale`: the bold serif of the headlines. */
export function headlineFontNames(locale: Locale): string[] {
  return HEADLINE_SUBSETS[locale].map((s) => `noto-serif-${s}-700-normal.woff2`);
}

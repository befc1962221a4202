/**
 * The site's own fonts: Noto Serif (headlines) and Noto Sans (text) from the @fontsource packages,
 * served as their per-script woff2 subsets under hashed asset URLs. Each subset is one @font-face
 * with the package's unicode-range, so a browser downloads only the scripts a page uses: Russian
 * needs latin + cyrillic, Uzbek Cyrillic adds cyrillic-ext (ғ қ ҳ live there; ў is in cyrillic),
 * Uzbek Latin gets its ʻ ʼ (U+02BB/U+02BC) from latin. test/fonts.test.ts reads the files'
 * character maps to prove every letter of the four alphabets is in the subset that claims it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
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

export const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext'] as const;
export type Subset = (typeof SUBSETS)[number];

/** The faces the stylesheet uses: serif 400/700 (headlines, standfirst), sans 400/400 italic/700. */
const FACES: { pkg: string; family: FontFace['family']; weight: FontFace['weight']; style: FontFace['style'] }[] = [
  { pkg: 'noto-serif', family: 'Noto Serif', weight: 700, style: 'normal' },
  { pkg: 'noto-serif', family: 'Noto Serif', weight: 400, style: 'normal' },
  { pkg: 'noto-sans', family: 'Noto Sans', weight: 400, style: 'normal' },
  { pkg: 'noto-sans', family: 'Noto Sans', weight: 700, style: 'normal' },
  { pkg: 'noto-sans', family: 'Noto Sans', weight: 400, style: 'italic' },
];

/** Subsets a page's headlines need, per locale: preloaded so headlines do not wait for the CSS. */
export const HEADLINE_SUBSETS: Record<Locale, Subset[]> = {
  ru: ['cyrillic'],
  uz: ['latin'],
  'uz-Cyrl': ['cyrillic', 'cyrillic-ext'],
  en: ['latin'],
};

const require = createRequire(import.meta.url);

/** Every face × subset, with the unicode-range the package publishes (its unicode.json). */
export function fontFaces(): FontFace[] {
  const out: FontFace[] = [];
  for (const f of FACES) {
    const dir = path.dirname(require.resolve(`@fontsource/${f.pkg}/package.json`));
    const ranges = JSON.parse(fs.readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
    for (const subset of SUBSETS) {
      const name = `${f.pkg}-${subset}-${f.weight}-${f.style}.woff2`;
      const unicodeRange = ranges[subset];
      if (!unicodeRange) throw new Error(`@fontsource/${f.pkg} has no unicode range for ${subset}`);
      out.push({ family: f.family, weight: f.weight, style: f.style, subset, file: path.join(dir, 'files', name), name, unicodeRange });
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

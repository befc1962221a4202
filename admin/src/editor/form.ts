/**
 * The editor's form (every edition field except the body), its save payload, and the per-field
 * three-way merge used when a save meets someone else's newer version: a field only one side
 * changed since the common base takes that side's value; only fields both changed, differently,
 * are conflicts for the person to decide.
 */
import type { Author, Doc, Edition, Media, Tag } from '../types.js';

export interface Form {
  headline: string;
  slug: string;
  lead: string;
  datelineCity: string;
  sectionId: number | null;
  tags: Tag[];
  authors: Author[];
  hero: Media | null;
  heroCaption: string;
  seoTitle: string;
  seoDescription: string;
  isMain: boolean;
  isBreaking: boolean;
  embargoUntil: string | null;
  /** Until when the main-story flag leads the home page; null: the site's age limit. */
  mainUntil: string | null;
}
export type FormKey = keyof Form;
export const FORM_KEYS: FormKey[] = ['headline', 'slug', 'lead', 'datelineCity', 'sectionId', 'tags', 'authors', 'hero', 'heroCaption', 'seoTitle', 'seoDescription', 'isMain', 'isBreaking', 'embargoUntil', 'mainUntil'];

export function formFrom(ed: Edition): Form {
  return {
    headline: ed.headline ?? '',
    slug: ed.slug ?? '',
    lead: ed.lead ?? '',
    datelineCity: ed.datelineCity ?? '',
    sectionId: ed.sectionId ?? null,
    tags: ed.tags ?? [],
    authors: ed.authors ?? [],
    hero: ed.hero ?? null,
    heroCaption: ed.heroCaption ?? '',
    seoTitle: ed.seoTitle ?? '',
    seoDescription: ed.seoDescription ?? '',
    isMain: !!ed.isMain,
    isBreaking: !!ed.isBreaking,
    embargoUntil: ed.embargoUntil ?? null,
    mainUntil: ed.mainUntil ?? null,
  };
}

export const emptyDoc = (): Doc => ({ type: 'doc', content: [] });
export const bodyOf = (ed: Edition): Doc => (ed.body?.type === 'doc' ? ed.body : emptyDoc());

export function payload(f: Form, body: Doc, version: number) {
  return {
    version,
    headline: f.headline,
    slug: f.slug,
    lead: f.lead,
    body,
    datelineCity: f.datelineCity,
    sectionId: f.sectionId,
    tagIds: f.tags.map((t) => t.id),
    authorIds: f.authors.map((a) => a.id),
    heroMediaId: f.hero?.id ?? null,
    heroCaption: f.heroCaption,
    seoTitle: f.seoTitle,
    seoDescription: f.seoDescription,
    isMain: f.isMain,
    isBreaking: f.isBreaking,
    embargoUntil: f.embargoUntil,
    mainUntil: f.isMain ? f.mainUntil : null,
  };
}

export function sameValue(k: FormKey, a: unknown, b: unknown): boolean {
  if (k === 'tags' || k === 'authors') return (a as { id: number }[]).map((x) => x.id).join(',') === (b as { id: number }[]).map((x) => x.id).join(',');
  if (k === 'hero') return ((a as Media | null)?.id ?? null) === ((b as Media | null)?.id ?? null);
  return a === b;
}

/** Field names of PUT /editions/:id mapped to the form (for 422 messages). */
export const FIELD_OF: Record<string, string> = { tagIds: 'tags', authorIds: 'authors', heroMediaId: 'hero' };

/** The form key a PUT field name refers to, or 'body', or null when it is none of them. */
export function formKeyOf(field: string): FormKey | 'body' | null {
  const k = FIELD_OF[field] ?? field;
  if (k === 'body') return 'body';
  return (FORM_KEYS as string[]).includes(k) ? (k as FormKey) : null;
}

export type MergeField = FormKey | 'body';
export type Choice = 'mine' | 'theirs';

export interface MergeResult {
  form: Form;
  body: Doc;
  /** Whether the merged body is theirs (the editor must show it). */
  bodyFromTheirs: boolean;
  /** Fields both sides changed to different values: the person decides. */
  conflicts: MergeField[];
}

const sameDoc = (a: Doc, b: Doc) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Three-way merge of my unsaved form and body against `theirs`, both descended from `base`.
 * `bodyTouched` says whether I changed the body since base (the editor's JSON of an untouched body
 * can differ from the server's normalised one, so it is tracked, not compared). `choices` decide the
 * conflicting fields; without a choice a conflicting field keeps my value.
 */
export function mergeThreeWay(base: Edition, theirs: Edition, mine: { form: Form; body: Doc; bodyTouched: boolean }, choices: Partial<Record<MergeField, Choice>> = {}): MergeResult {
  const b = formFrom(base);
  const t = formFrom(theirs);
  const form = { ...mine.form } as Record<FormKey, unknown>;
  const conflicts: MergeField[] = [];
  for (const k of FORM_KEYS) {
    const mineChanged = !sameValue(k, mine.form[k], b[k]);
    const theirsChanged = !sameValue(k, t[k], b[k]);
    if (!theirsChanged) continue;
    if (!mineChanged || sameValue(k, mine.form[k], t[k])) {
      form[k] = t[k];
      continue;
    }
    conflicts.push(k);
    if (choices[k] === 'theirs') form[k] = t[k];
  }
  const theirsBodyChanged = !sameDoc(bodyOf(theirs), bodyOf(base));
  let body = mine.body;
  let bodyFromTheirs = false;
  if (theirsBodyChanged) {
    if (!mine.bodyTouched || choices.body === 'theirs') {
      body = bodyOf(theirs);
      bodyFromTheirs = true;
    }
    if (mine.bodyTouched) conflicts.push('body');
  }
  return { form: form as unknown as Form, body, bodyFromTheirs, conflicts };
}

/**
 * The editor's sidebar: publishing, editions, preview links, classification (section, tags,
 * authors, urgency), related stories, hero image, dateline, SEO, notes and the desk.
 */
import { Field } from '../components/ui';
import { useSections } from '../data';
import { useI18n } from '../i18n';
import { useUser } from '../session';
import { Link } from '../router';
import { pickName, roleAtLeast, type Edition, type Locale } from '../types';
import { DeskPanel } from '../desk/DeskPanel';
import { AuthorsInput, EditionsPanel, HeroPanel, LengthHint, NotesPanel, Panel, TagsInput, type EditionsActions } from './panels';
import { PreviewLinksPanel } from './PreviewLinksPanel';
import { RelatedPanel } from './RelatedPanel';
import { UrgencyField } from './UrgencyField';
import { PublishingPanel } from './WorkflowPanel';
import { TelegramPanel } from './TelegramPanel';
import type { Form } from './form';

function fmtLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

type Props = {
  ed: Edition;
  form: Form;
  locale: Locale;
  editable: boolean;
  /** Section, tags, authors and the hero image belong to the whole story (see canEditStoryFields). */
  storyEditable: boolean;
  err(name: string): string | undefined;
  updateForm(patch: Partial<Form>): void;
  editionsActions: EditionsActions;
  sideBySide: boolean;
  onPickHero(): void;
  addNote(kind: 'correction' | 'update', text: string): Promise<void>;
};

export function EditorSidebar({ ed, form, locale, editable, storyEditable, err, updateForm, editionsActions, sideBySide, onPickHero, addNote }: Props) {
  const i = useI18n();
  const user = useUser();
  const sections = useSections();
  const section = sections.find((s) => s.id === form.sectionId);
  const seoTitleLen = [...form.seoTitle].length;
  const seoDescLen = [...form.seoDescription].length;
  return (
      <aside className="editor-side">
          <PublishingPanel ed={ed} />
          <TelegramPanel ed={ed} />
          {ed.publishedAt && (
            <Link to={`/analytics/stories/${ed.id}`} className="btn btn-small editor-analytics-link">
              {i.t('an.storyLink')}
            </Link>
          )}

        <EditionsPanel ed={ed} actions={editionsActions} sideBySide={sideBySide} />
        <PreviewLinksPanel ed={ed} />

        <Panel title={i.t('editor.classification')} id="panel-classification">
          <Field label={i.t('editor.section')} error={err('sectionId')}>
            <select className="input" value={form.sectionId ?? ''} disabled={!storyEditable} onChange={(e) => updateForm({ sectionId: e.target.value ? Number(e.target.value) : null })} name="sectionId">
              <option value="">{i.t('editor.sectionNone')}</option>
              {sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {pickName(s.names, locale, s.slug)}
                </option>
              ))}
            </select>
          </Field>
          {section && <span className="section-swatch" style={{ background: section.color }} aria-hidden="true" />}
          <TagsInput value={form.tags} onChange={(tags) => updateForm({ tags })} locale={locale} disabled={!storyEditable} error={err('tags')} />
          <AuthorsInput value={form.authors} onChange={(authors) => updateForm({ authors })} locale={locale} disabled={!storyEditable} error={err('authors')} />
          {editable && !storyEditable && <p className="muted small" data-story-locked="">{i.t('editor.storyFieldsLocked')}</p>}
          <div className="checks">
            <label className="check">
              <input type="checkbox" checked={form.isMain} disabled={!editable} onChange={(e) => updateForm({ isMain: e.target.checked })} name="isMain" />
              {i.t('editor.isMain')}
            </label>
            <label className="check">
              <input type="checkbox" checked={form.isBreaking} disabled={!editable} onChange={(e) => updateForm({ isBreaking: e.target.checked })} name="isBreaking" />
              {i.t('editor.isBreaking')}
            </label>
          </div>
          {(err('isMain') || err('isBreaking')) && <div className="field-error">{err('isMain') ?? err('isBreaking')}</div>}
          {form.isMain && (
            <Field label={i.t('editor.mainUntil')} error={err('mainUntil')} hint={i.t('editor.mainUntilHint')}>
              <input
                className="input"
                type="datetime-local"
                value={fmtLocalInput(form.mainUntil)}
                disabled={!editable}
                onChange={(e) => updateForm({ mainUntil: e.target.value ? new Date(e.target.value).toISOString() : null })}
                name="mainUntil"
              />
            </Field>
          )}
          <UrgencyField ed={ed} disabled={!editable} />
        </Panel>

        <RelatedPanel ed={ed} disabled={!storyEditable} />
        <HeroPanel
          hero={form.hero}
          caption={form.heroCaption}
          onCaption={(v) => updateForm({ heroCaption: v })}
          onPick={onPickHero}
          onRemove={() => updateForm({ hero: null, heroCaption: '' })}
          locale={locale}
          disabled={!editable}
          mediaLocked={!storyEditable}
          errors={{ media: err('hero'), caption: err('heroCaption') }}
        />

        <Panel title={i.t('editor.dateline')} id="panel-dateline">
          <div className="row-2">
            <Field label={i.t('editor.datelineCity')} error={err('datelineCity')}>
              <input className="input" value={form.datelineCity} disabled={!editable} onChange={(e) => updateForm({ datelineCity: e.target.value })} name="datelineCity" />
            </Field>
            <Field label={i.t('editor.datelineAgency')} hint={i.t('editor.datelineAgencyHint')}>
              <input className="input" value={ed.datelineAgency} readOnly disabled />
            </Field>
          </div>
          <Field label={i.t('editor.slug')} error={err('slug')} hint={i.t('editor.slugHint')}>
            <input className="input mono" value={form.slug} disabled={!editable} onChange={(e) => updateForm({ slug: e.target.value })} name="slug" spellCheck={false} />
          </Field>
          <Field label={i.t('editor.embargo')} error={err('embargoUntil')} hint={i.t('editor.embargoHint')}>
            <input
              className="input"
              type="datetime-local"
              value={fmtLocalInput(form.embargoUntil)}
              disabled={!editable}
              onChange={(e) => updateForm({ embargoUntil: e.target.value ? new Date(e.target.value).toISOString() : null })}
              name="embargoUntil"
            />
          </Field>
        </Panel>

        <Panel title={i.t('editor.seo')} id="panel-seo" collapsible defaultOpen={!!(form.seoTitle || form.seoDescription)}>
          <Field label={i.t('editor.seoTitle')} error={err('seoTitle')} hint={<LengthHint n={seoTitleLen} ok={60} max={70} />}>
            <input className="input" value={form.seoTitle} disabled={!editable} placeholder={form.headline} onChange={(e) => updateForm({ seoTitle: e.target.value })} name="seoTitle" />
          </Field>
          <Field label={i.t('editor.seoDescription')} error={err('seoDescription')} hint={<LengthHint n={seoDescLen} ok={160} max={160} />}>
            <textarea className="input" rows={3} value={form.seoDescription} disabled={!editable} placeholder={form.lead} onChange={(e) => updateForm({ seoDescription: e.target.value })} name="seoDescription" />
          </Field>
          <div className="serp" aria-hidden="true">
            <div className="serp-title">{(form.seoTitle || form.headline || '—').slice(0, 70)}</div>
            <div className="serp-url">…/news/{form.slug}</div>
            <div className="serp-desc">{(form.seoDescription || form.lead).slice(0, 160)}</div>
          </div>
        </Panel>

        <NotesPanel ed={ed} canAdd={roleAtLeast(user.role, 'editor')} onAdd={addNote} />
        <DeskPanel editionId={ed.id} />
      </aside>
  );
}

/** The search page's form: query, section and date range, a plain GET form that needs no script. */
import type { Locale } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import { urls } from '../urls.js';

export interface SearchFormModel {
  q: string;
  section: string;
  from: string;
  to: string;
  sections: { slug: string; name: string }[];
}

export function SearchForm({ locale, m }: { locale: Locale; m: SearchFormModel }) {
  const t = messages(locale);
  return (
    <form className="search-big search-filters" role="search" aria-label={t.searchPlaceholder} action={urls.search(locale)} method="get">
      <div className="search-row">
        <label className="visually-hidden" htmlFor="q2">{t.search}</label>
        <input id="q2" name="q" type="search" defaultValue={m.q} maxLength={500} placeholder={t.searchPlaceholder} />
        <button type="submit">{t.search}</button>
      </div>
      <div className="search-row filters">
        <label>
          <span>{t['search.section']}</span>
          <select name="section" defaultValue={m.section}>
            <option value="">{t['search.anySection']}</option>
            {m.sections.map((s) => (
              <option key={s.slug} value={s.slug}>{s.name}</option>
            ))}
          </select>
        </label>
        <label>
          <span>{t['search.from']}</span>
          <input type="date" name="from" defaultValue={m.from} />
        </label>
        <label>
          <span>{t['search.to']}</span>
          <input type="date" name="to" defaultValue={m.to} />
        </label>
      </div>
      <p className="search-help">{t['search.help']}</p>
    </form>
  );
}

/**
 * The site's answer to an address it does not know: if an import recorded it as an old address
 * (old_url_redirects), where it leads now. Asked only on the way to a 404 (and for `/?p=ID` on the
 * root), so a known page never pays for it; one indexed lookup plus one for the current slug.
 */
import type { Locale } from '../i18n/locales.js';
import { isLocale } from '../i18n/locales.js';
import { urls } from '../site/urls.js';
import type { ImportRepository } from './import.repository.js';
import { oldUrlKey } from './old-urls.js';

export function oldUrlResolver(repo: ImportRepository, clock: () => number): (url: string) => Promise<string | null> {
  return async (url) => {
    const key = oldUrlKey(url);
    if (!key) return null;
    const r = await repo.resolve(key, clock());
    if (!r) return null;
    if (r.edition && isLocale(r.edition.locale)) return urls.article(r.edition.locale as Locale, r.edition.slug);
    if (r.page && isLocale(r.page.locale)) return urls.page(r.page.locale as Locale, r.page.slug);
    return r.target ?? null;
  };
}

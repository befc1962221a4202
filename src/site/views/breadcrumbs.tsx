/**
 * The visible breadcrumb trail (the steps the page's BreadcrumbList JSON-LD names). With `here`,
 * the last step is the page itself: said, not linked. An article passes its trail without itself
 * (its headline is the h1 just below) and every step is a link.
 */
import type { Messages } from '../../i18n/messages/index.js';
import type { Crumb } from '../structured-data.js';

export function Breadcrumbs({ trail, t, here = true }: { trail: Crumb[]; t: Messages; here?: boolean }) {
  if (trail.length < 2) return null;
  return (
    <nav className="breadcrumbs" aria-label={t.breadcrumbs}>
      <ol>
        {trail.map((c, i) => (
          <li key={c.path}>{here && i === trail.length - 1 ? <span aria-current="page">{c.name}</span> : <a href={c.path}>{c.name}</a>}</li>
        ))}
      </ol>
    </nav>
  );
}

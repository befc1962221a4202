/** HTML escaping and the link rule shared by the document renderer and its blocks. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Only web and mail links survive; `javascript:` and friends become plain text. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const h = href.trim();
  if (/^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(h)) return h;
  return null;
}

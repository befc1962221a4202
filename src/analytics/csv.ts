/**
 * CSV for report exports (RFC 4180: CRLF, fields with a comma, quote or line break quoted, quotes
 * doubled). A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start)
 * is prefixed with an apostrophe: headlines are written by people and opened by others (OWASP
 * "CSV injection"). Numbers are written plainly.
 */
export function csv(header: string[], rows: (string | number | null)[][]): string {
  // A byte order mark so spreadsheet programs read the UTF-8 Cyrillic right.
  return '\ufeff' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * /api/docs: the OpenAPI document rendered as one plain HTML page on the server. Public pages run
 * no script (the site's CSP is `script-src 'none'`), so this is not Swagger UI: every endpoint
 * with its parameters and the fields of each response, as tables, read from the same document
 * /api/openapi.json serves — the page cannot drift from it.
 */
import { escapeHtml as esc } from '../content/html.js';

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  nullable?: boolean;
  description?: string;
  enum?: unknown[];
  format?: string;
  anyOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
}
export interface OpenApiDoc {
  info: { title: string; version: string; description?: string };
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
}

/** "string (date-time)", "integer 1–100", "one of: ru, uz, …", "… or null". */
function typeText(s: Schema): string {
  if (s.anyOf) return s.anyOf.map(typeText).join(' or ');
  if (s.allOf) return s.allOf.map(typeText).join(' and ');
  let t = Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'any');
  if (t === 'array') t = `array of ${s.items ? typeText(s.items) : 'any'}`;
  if (s.enum) t = `one of: ${s.enum.map(String).join(', ')}`;
  if (s.format) t += ` (${s.format})`;
  if (s.minimum !== undefined || s.maximum !== undefined) t += ` ${s.minimum ?? ''}–${s.maximum ?? ''}`;
  if (s.maxLength !== undefined) t += `, ≤ ${s.maxLength} chars`;
  if (s.nullable) t += ' or null';
  return t;
}

/** Fields of a schema as rows, nested fields by dotted path (`items[].section.name`). */
function fieldRows(s: Schema, prefix: string, depth = 0): string[][] {
  const obj = s.type === 'array' && s.items ? s.items : s;
  const base = s.type === 'array' ? `${prefix}[]` : prefix;
  if (!obj.properties || depth > 6) return [];
  return Object.entries(obj.properties).flatMap(([name, child]) => {
    const path = base ? `${base}.${name}` : name;
    const row = [`<code>${esc(path)}</code>`, esc(typeText(child)), obj.required?.includes(name) ? 'yes' : 'no', text(child.description ?? '')];
    return [row, ...fieldRows(child, path, depth + 1)];
  });
}

/** Escaped text with `backticks` as <code>, the one piece of Markdown the descriptions use. */
const text = (s: string) => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');

/** A table whose cells carry their column name, shown beside each value on narrow screens. */
function table(head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((cell, i) => `<td data-label="${esc(head[i]!)}">${cell}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

const slugOf = (method: string, path: string) => `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

function operation(base: string, path: string, method: string, op: Operation): string {
  const full = base + path;
  const params = op.parameters ?? [];
  const paramTable = params.length
    ? table(
        ['Parameter', 'In', 'Type', 'Required', 'Description'],
        params.map((p) => [`<code>${esc(p.name)}</code>`, esc(p.in), esc(p.schema ? typeText(p.schema) : ''), p.required ? 'yes' : 'no', text(p.description ?? p.schema?.description ?? '')]),
      )
    : '<p>No parameters. Any query parameter is refused with 400.</p>';
  const responses = Object.entries(op.responses ?? {})
    .map(([code, r]) => {
      const schema = r.content?.['application/json']?.schema;
      const rows = schema ? fieldRows(schema, '') : [];
      return `<h4>${esc(code)} <span class="muted">${text(r.description ?? '')}</span></h4>${rows.length ? table(['Field', 'Type', 'Always', 'Description'], rows) : ''}`;
    })
    .join('');
  return `<section id="${slugOf(method, path)}"><h2><span class="method">${esc(method.toUpperCase())}</span> <code>${esc(full)}</code></h2>
<p><strong>${esc(op.summary ?? '')}</strong>${op.description ? ` — ${text(op.description)}` : ''}</p>
<h3>Parameters</h3>${paramTable}<h3>Responses</h3>${responses}</section>`;
}

export function renderDocsPage(doc: OpenApiDoc): string {
  const base = doc.servers?.[0]?.url ?? '';
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  const toc = ops.map((o) => `<li><a href="#${slugOf(o.method, o.path)}"><span class="method">${esc(o.method.toUpperCase())}</span> <code>${esc(base + o.path)}</code></a> — ${esc(o.op.summary ?? '')}</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)}</title>
<style>
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;margin:0;background:#fafafa}
main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.2rem;margin:2rem 0 .5rem;padding-top:1rem;border-top:1px solid #ddd;overflow-wrap:anywhere}
h3{font-size:1rem;margin:1rem 0 .25rem}
h4{font-size:.95rem;margin:.75rem 0 .25rem}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}
.method{display:inline-block;background:#1d4e89;color:#fff;border-radius:3px;padding:0 .4em;font-size:.8em;font-weight:600}
.muted{color:#666;font-weight:normal}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.9rem}
th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f0f3f7}
ul{padding-left:1.2em}
@media (max-width:600px){table,thead,tbody,tr,th,td{display:block}thead{display:none}tr{border:1px solid #ddd;margin-bottom:.5em}td{border:0;padding:.15em .5em}td:first-child{background:#f0f3f7}td:not(:first-child)::before{content:attr(data-label) ": ";color:#666}td:empty{display:none}}
</style></head>
<body><main>
<h1>${esc(doc.info.title)} <span class="muted">v${esc(doc.info.version)}</span></h1>
${doc.info.description ? `<p>${text(doc.info.description)}</p>` : ''}
<p>Machine-readable: <a href="${esc(base)}/openapi.json"><code>${esc(base)}/openapi.json</code></a> (OpenAPI 3). Errors are <code>{"error":{"code","message","key","params","details"}}</code>.</p>
<h2 id="endpoints">Endpoints</h2><ul>${toc}</ul>
${ops.map((o) => `<div class="scroll">${operation(base, o.path, o.method, o.op)}</div>`).join('\n')}
</main></body></html>`;
}

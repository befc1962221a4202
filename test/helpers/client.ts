/** A newsroom API client over inject(): keeps the session cookie and CSRF token like the SPA does. */
import type { FastifyInstance } from 'fastify';

export class ApiClient {
  cookies: Record<string, string> = {};
  csrf = '';
  constructor(private readonly app: FastifyInstance, private readonly ip = '127.0.0.1') {}

  async req(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await this.app.inject({
      method,
      url: url.startsWith('/admin') ? url : `/admin/api${url}`,
      remoteAddress: this.ip,
      cookies: this.cookies,
      headers: { ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}), ...headers },
      ...(body !== undefined ? (Buffer.isBuffer(body) ? { payload: body } : { payload: body as object }) : {}),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    const json = res.headers['content-type']?.toString().includes('json') && res.body ? JSON.parse(res.body) : undefined;
    if (json?.csrfToken) this.csrf = json.csrfToken;
    return { status: res.statusCode, json, headers: res.headers, body: res.body };
  }

  async session() {
    return this.req('GET', '/session');
  }

  async login(email: string, password: string) {
    await this.session();
    return this.req('POST', '/login', { email, password });
  }
}

/** A multipart/form-data body with one file and some fields. */
export function multipart(file: { name: string; type: string; data: Buffer }, fields: Record<string, string> = {}) {
  const boundary = '----xabar' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

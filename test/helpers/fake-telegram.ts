/**
 * A local stand-in for the Telegram Bot API (https://core.telegram.org/bots/api) that behaves the
 * way Telegram does where Xabar depends on it: the token in the path (`/bot<token>/<method>`),
 * `{ ok: false, error_code, description }` errors, 401 for an unknown token, HTML parse mode with
 * only Telegram's tags ("can't parse entities" otherwise), length limits counted in UTF-16 units
 * of the text after entity parsing, 429 with `parameters.retry_after`, channels with the bot's
 * rights, 48-hour deletion, and failures or hangs on demand. Every call is recorded.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeBot {
  id: number;
  username: string;
}

export interface FakeChat {
  id: number;
  username: string | null;
  title: string;
  type: 'channel' | 'supergroup';
  /** Bot id → its membership. Absent: the bot is not a member. */
  members: Map<number, { status: 'creator' | 'administrator' | 'member'; canPost: boolean }>;
}

export interface FakeMessage {
  chatId: number;
  messageId: number;
  kind: 'photo' | 'text';
  /** The visible text (after entity parsing) and the HTML as sent. */
  text: string;
  html: string;
  photo: string | null;
  replyTo: number | null;
  /** Older than 48 hours: Telegram refuses to delete it. */
  old: boolean;
  deleted: boolean;
}

export interface FakeCall {
  token: string;
  method: string;
  params: Record<string, unknown>;
}

type Failure = { code: number; description: string; retryAfter?: number } | 'hang' | 'close';

const ALLOWED_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'tg-spoiler', 'span', 'blockquote', 'tg-emoji']);
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

class ApiFailure extends Error {
  constructor(readonly code: number, readonly description: string, readonly retryAfter?: number) {
    super(description);
  }
}

/** Telegram's HTML parse mode: the visible text, or a 400 like Telegram's for bad markup. */
export function parseTelegramHtml(html: string): string {
  const stack: string[] = [];
  let out = '';
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '<') {
      const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+\s*=\s*"[^"]*")*)\s*>/.exec(html.slice(i));
      if (!m) throw new ApiFailure(400, `Bad Request: can't parse entities: Unexpected character at byte offset ${Buffer.byteLength(html.slice(0, i))}`);
      const [whole, closing, rawName] = m;
      const name = rawName!.toLowerCase();
      if (!ALLOWED_TAGS.has(name)) throw new ApiFailure(400, `Bad Request: can't parse entities: Unsupported start tag "${name}" at byte offset ${Buffer.byteLength(html.slice(0, i))}`);
      if (closing) {
        if (stack.pop() !== name) throw new ApiFailure(400, `Bad Request: can't parse entities: Unmatched end tag at byte offset ${Buffer.byteLength(html.slice(0, i))}, expected "</${stack.at(-1) ?? ''}>", found "</${name}>"`);
      } else stack.push(name);
      i += whole!.length;
      continue;
    }
    if (ch === '&') {
      const m = /^&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/.exec(html.slice(i));
      if (m) {
        const ref = m[1]!;
        const decoded = ref.startsWith('#x') ? String.fromCodePoint(parseInt(ref.slice(2), 16)) : ref.startsWith('#') ? String.fromCodePoint(Number(ref.slice(1))) : ENTITIES[ref];
        if (decoded !== undefined) {
          out += decoded;
          i += m[0].length;
          continue;
        }
      }
    }
    out += ch;
    i++;
  }
  if (stack.length) throw new ApiFailure(400, `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${stack.at(-1)}"`);
  return out;
}

export class FakeTelegram {
  readonly calls: FakeCall[] = [];
  readonly bots = new Map<string, FakeBot>();
  readonly chats: FakeChat[] = [];
  readonly messages: FakeMessage[] = [];
  private failures: Failure[] = [];
  private hanging: http.ServerResponse[] = [];
  private server: http.Server | null = null;
  private nextMessageId = 100;
  apiRoot = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.apiRoot = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const r of this.hanging) r.destroy();
    this.hanging = [];
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  addBot(token: string, id: number, username: string): FakeBot {
    const bot = { id, username };
    this.bots.set(token, bot);
    return bot;
  }

  addChannel(username: string | null, id: number, title: string): FakeChat {
    const chat: FakeChat = { id, username, title, type: 'channel', members: new Map() };
    this.chats.push(chat);
    return chat;
  }

  /** The next `n` calls (of any method) fail this way: a Telegram error, a hang, or a dropped connection. */
  failNext(n: number, f: Failure): void {
    for (let i = 0; i < n; i++) this.failures.push(f);
  }

  /** Live (not deleted) messages of a chat. */
  posts(chatId: number): FakeMessage[] {
    return this.messages.filter((m) => m.chatId === chatId && !m.deleted);
  }

  callsOf(method: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (!m) return void send(404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, method] = m as unknown as [string, string, string];
    let params: Record<string, unknown>;
    try {
      const raw = Buffer.concat(chunks).toString('utf8');
      params = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return void send(400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' });
    }
    this.calls.push({ token, method, params });
    const failure = this.failures.shift();
    if (failure === 'hang') return void this.hanging.push(res);
    if (failure === 'close') return void res.socket?.destroy();
    try {
      if (failure) throw new ApiFailure(failure.code, failure.description, failure.retryAfter);
      const bot = this.bots.get(token);
      if (!bot) throw new ApiFailure(401, 'Unauthorized');
      send(200, { ok: true, result: this.call(bot, method, params) });
    } catch (err) {
      if (!(err instanceof ApiFailure)) throw err;
      send(err.code, { ok: false, error_code: err.code, description: err.description, ...(err.retryAfter !== undefined ? { parameters: { retry_after: err.retryAfter } } : {}) });
    }
  }

  private chat(ref: unknown): FakeChat {
    const s = String(ref ?? '');
    const chat = this.chats.find((c) => (s.startsWith('@') ? c.username === s.slice(1) : String(c.id) === s));
    if (!chat) throw new ApiFailure(400, 'Bad Request: chat not found');
    return chat;
  }

  private postable(bot: FakeBot, chatRef: unknown): FakeChat {
    const chat = this.chat(chatRef);
    const member = chat.members.get(bot.id);
    if (!member) throw new ApiFailure(403, 'Forbidden: bot is not a member of the channel chat');
    if (member.status === 'member' || (member.status === 'administrator' && !member.canPost)) throw new ApiFailure(400, 'Bad Request: need administrator rights in the channel chat');
    return chat;
  }

  private message(chat: FakeChat, id: unknown, what: 'edit' | 'delete'): FakeMessage {
    const msg = this.messages.find((x) => x.chatId === chat.id && x.messageId === Number(id) && !x.deleted);
    if (!msg) throw new ApiFailure(400, `Bad Request: message to ${what} not found`);
    return msg;
  }

  private text(html: unknown, limit: number, tooLong: string): string {
    if (typeof html !== 'string' || html.trim() === '') throw new ApiFailure(400, 'Bad Request: message text is empty');
    const visible = parseTelegramHtml(html);
    if (visible.length > limit) throw new ApiFailure(400, tooLong);
    return visible;
  }

  private result(chat: FakeChat, m: FakeMessage) {
    const c = { id: chat.id, type: chat.type, title: chat.title, ...(chat.username ? { username: chat.username } : {}) };
    return m.kind === 'photo'
      ? { message_id: m.messageId, date: 1, chat: c, photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }], caption: m.text }
      : { message_id: m.messageId, date: 1, chat: c, text: m.text };
  }

  private call(bot: FakeBot, method: string, p: Record<string, unknown>): unknown {
    switch (method) {
      case 'getMe':
        return { id: bot.id, is_bot: true, first_name: bot.username, username: bot.username };
      case 'getChat': {
        const chat = this.chat(p.chat_id);
        return { id: chat.id, type: chat.type, title: chat.title, ...(chat.username ? { username: chat.username } : {}) };
      }
      case 'getChatMember': {
        const chat = this.chat(p.chat_id);
        const member = chat.members.get(Number(p.user_id));
        const user = { id: Number(p.user_id), is_bot: true, first_name: 'bot' };
        if (!member) return { status: 'left', user };
        return member.status === 'administrator' ? { status: 'administrator', user, can_post_messages: member.canPost, can_be_edited: false } : { status: member.status, user };
      }
      case 'sendPhoto':
      case 'sendMessage': {
        const chat = this.postable(bot, p.chat_id);
        const photo = method === 'sendPhoto';
        if (photo && typeof p.photo !== 'string') throw new ApiFailure(400, 'Bad Request: there is no photo in the request');
        const html = String((photo ? p.caption : p.text) ?? '');
        const text = photo ? (html ? this.text(html, 1024, 'Bad Request: message caption is too long') : '') : this.text(html, 4096, 'Bad Request: message is too long');
        const reply = (p.reply_parameters as { message_id?: number } | undefined)?.message_id ?? null;
        const m: FakeMessage = { chatId: chat.id, messageId: this.nextMessageId++, kind: photo ? 'photo' : 'text', text, html, photo: photo ? (p.photo as string) : null, replyTo: reply, old: false, deleted: false };
        this.messages.push(m);
        return this.result(chat, m);
      }
      case 'editMessageCaption':
      case 'editMessageText': {
        const chat = this.postable(bot, p.chat_id);
        const m = this.message(chat, p.message_id, 'edit');
        const caption = method === 'editMessageCaption';
        if (caption !== (m.kind === 'photo')) throw new ApiFailure(400, caption ? 'Bad Request: there is no caption in the message to edit' : 'Bad Request: there is no text in the message to edit');
        const html = String((caption ? p.caption : p.text) ?? '');
        const text = caption ? this.text(html, 1024, 'Bad Request: message caption is too long') : this.text(html, 4096, 'Bad Request: message is too long');
        if (html === m.html) throw new ApiFailure(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
        Object.assign(m, { html, text });
        return this.result(chat, m);
      }
      case 'deleteMessage': {
        const chat = this.postable(bot, p.chat_id);
        const m = this.message(chat, p.message_id, 'delete');
        if (m.old) throw new ApiFailure(400, "Bad Request: message can't be deleted");
        m.deleted = true;
        return true;
      }
      default:
        throw new ApiFailure(404, 'Not Found');
    }
  }
}

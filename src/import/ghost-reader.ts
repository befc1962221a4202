/**
 * Reads a Ghost JSON export (`{db: [{meta, data: {posts, tags, users, posts_tags, …}}]}`, or the
 * same without the `db` array) as a stream of table rows, never the whole file: stream-json's
 * tokenizer runs over the file and only one row at a time is assembled into an object.
 */
import fs from 'node:fs';
import Assembler from 'stream-json/assembler.js';
import parser from 'stream-json/parser.js';

/** The file is not what the command expects; the message names the file and what to do. */
export class GhostFormatError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'GhostFormatError';
  }
}

export interface GhostRow {
  table: string;
  row: Record<string, unknown>;
}

type Token = { name: string; value?: unknown };

/** Yields the rows of the tables named in `tables`, in file order. */
export async function* readGhost(file: string, tables: ReadonlySet<string>, onBytes?: (bytes: number) => void): AsyncGenerator<GhostRow> {
  try {
    await fs.promises.access(file, fs.constants.R_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new GhostFormatError(file, `${code === 'ENOENT' ? 'the file does not exist' : 'the file is not readable'}`);
  }
  const input = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  let first = true;
  input.on('data', (chunk) => {
    if (first) {
      first = false;
      if (!/^\s*(\uFEFF)?\s*\{/.test(chunk.toString('utf8', 0, 64))) input.destroy(new GhostFormatError(file, `this is not a JSON object (a Ghost export starts with «{»; Settings → Labs → Export in Ghost writes one)`));
    }
    onBytes?.(input.bytesRead);
  });
  const tokens = input.pipe(parser.asStream({ streamValues: false, maxPackedLength: Infinity }));
  input.on('error', (err) => tokens.destroy(err));
  // Where the tokenizer is: one entry per open object/array, with the current key or index.
  const open: { kind: 'object' | 'array'; key: string | number }[] = [];
  let asm: InstanceType<typeof Assembler> | null = null;
  let table = '';
  let sawData = false;
  const afterValue = () => {
    const top = open.at(-1);
    if (top?.kind === 'array') (top.key as number)++;
  };
  const rowTable = (): string | null => {
    const p = open.map((o) => o.key);
    const at = p[0] === 'db' ? 2 : 0;
    if (p.length === at + 3 && p[at] === 'data' && typeof p[at + 1] === 'string' && typeof p[at + 2] === 'number' && (at === 0 || typeof p[1] === 'number')) return p[at + 1] as string;
    return null;
  };
  try {
    for await (const t of tokens as AsyncIterable<Token>) {
      if (asm) {
        asm.consume(t as never);
        if (asm.done) {
          yield { table, row: asm.current as Record<string, unknown> };
          asm = null;
          afterValue();
        }
        continue;
      }
      switch (t.name) {
        case 'startObject':
        case 'startArray': {
          const name = rowTable();
          if (name !== null && t.name === 'startObject' && tables.has(name)) {
            table = name;
            asm = new Assembler();
            asm.consume(t as never);
            continue;
          }
          if (name === null && open.map((o) => o.key).includes('data')) sawData = true;
          open.push({ kind: t.name === 'startObject' ? 'object' : 'array', key: t.name === 'startObject' ? '' : 0 });
          break;
        }
        case 'endObject':
        case 'endArray':
          open.pop();
          afterValue();
          break;
        case 'keyValue':
          open.at(-1)!.key = t.value as string;
          break;
        default:
          afterValue();
      }
    }
  } catch (err) {
    if (err instanceof GhostFormatError) throw err;
    throw new GhostFormatError(file, `not valid JSON (${(err as Error).message})`);
  }
  if (!sawData) throw new GhostFormatError(file, `no «data» object with posts — this is not a Ghost export`);
}

/**
 * `xabar translit --to cyrl|latn [--html] [--explain]`: reads UTF-8 from stdin, writes the text
 * converted to the given script to stdout, one output line per input line. With --html only text
 * between tags (and alt/title) is converted. With --explain each changed or deliberately kept word is
 * also listed on stderr with what decided it (`2: sanksiya → санкция  Russian list: санкция`), so
 * stdout stays exactly the conversion (plain text only: --explain with --html is a usage error).
 * Exit codes: 0 done, 1 stdin/stdout failed, 2 bad arguments (one usage line on stderr).
 */
import { explainText, toCyrillic, toCyrillicHtml, toLatin, toLatinHtml, type Script } from './translit.js';

export const TRANSLIT_USAGE = 'usage: xabar translit --to cyrl|latn [--html] [--explain]  (reads stdin, writes stdout)';

interface Args {
  to: Script;
  html: boolean;
  explain: boolean;
}

/** Parses the arguments after `translit` (the subcommand name itself is tolerated); null if bad. */
function parseArgs(args: readonly string[]): Args | 'help' | null {
  let to: string | undefined;
  let html = false;
  let explain = false;
  const rest = args[0] === 'translit' ? args.slice(1) : args;
  for (let k = 0; k < rest.length; k++) {
    const a = rest[k] ?? '';
    if (a === '--html') html = true;
    else if (a === '--explain') explain = true;
    else if (a === '--help' || a === '-h') return 'help';
    else if (a === '--to') {
      to = rest[k + 1];
      k++;
    } else if (a.startsWith('--to=')) to = a.slice('--to='.length);
    else return null;
  }
  const script = to?.toLowerCase();
  if (script !== 'cyrl' && script !== 'latn') return null;
  // Explanations are per word of plain text; for HTML they would name offsets inside markup.
  if (explain && html) return null;
  return { to: script, html, explain };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  // Streaming decode, so a character split between chunks is not mangled.
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for await (const chunk of stream as AsyncIterable<string | Uint8Array>) {
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (err?: Error | null) => (err ? reject(err) : resolve()));
  });
}

/** Writes a diagnostic; a broken stderr must not turn an exit code into an exception. */
function complain(stderr: NodeJS.WritableStream, line: string): Promise<void> {
  return write(stderr, line + '\n').catch(() => {});
}

export async function runTranslit(
  args: string[],
  stdin: NodeJS.ReadableStream,
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream,
): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    await write(stdout, TRANSLIT_USAGE + '\n').catch(() => {});
    return 0;
  }
  if (parsed === null) {
    await complain(stderr, TRANSLIT_USAGE);
    return 2;
  }
  let input: string;
  try {
    input = await readAll(stdin);
  } catch (err) {
    await complain(stderr, `xabar translit: cannot read stdin: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  if (parsed.explain) return explainLines(input, parsed.to, stdout, stderr);
  const convert = parsed.html
    ? parsed.to === 'cyrl' ? toCyrillicHtml : toLatinHtml
    : parsed.to === 'cyrl' ? toCyrillic : toLatin;
  try {
    await write(stdout, convert(input));
  } catch (err) {
    await complain(stderr, `xabar translit: cannot write stdout: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  return 0;
}

/** --explain: the conversion on stdout, line by line, and per word what decided it on stderr. */
async function explainLines(input: string, to: Script, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
  const lines = input.split('\n');
  const out: string[] = [];
  const notes: string[] = [];
  lines.forEach((line, k) => {
    const { output, words } = explainText(line, to);
    out.push(output);
    for (const w of words) notes.push(`${k + 1}: ${w.from} → ${w.to}  ${w.why}`);
  });
  try {
    await write(stdout, out.join('\n'));
  } catch (err) {
    await complain(stderr, `xabar translit: cannot write stdout: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  if (notes.length > 0) await complain(stderr, notes.join('\n'));
  return 0;
}

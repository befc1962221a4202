/**
 * Output sinks of the Uzbek transliterator (translit.ts): the conversion reports unchanged and
 * converted source ranges in order, and a sink assembles them into a string or back into spans.
 */

// ───────────────────────────── output sinks ─────────────────────────────

/** Receives the output in source order: unchanged source ranges and converted ones. */
export interface Sink {
  same(start: number, end: number): void;
  mapped(start: number, end: number, out: string): void;
}

export class StringSink implements Sink {
  private readonly parts: string[] = [];
  constructor(private readonly text: string) {}
  same(start: number, end: number): void {
    if (end > start) this.parts.push(this.text.slice(start, end));
  }
  mapped(_start: number, _end: number, out: string): void {
    this.parts.push(out);
  }
  toString(): string {
    return this.parts.join('');
  }
}

/** A piece of text converted together with its neighbours (e.g. text either side of an inline tag). */
export interface Span {
  text: string;
  /** Never converted and a word boundary (an HTML entity). */
  opaque?: boolean;
  /** Written back instead of text when text comes out unchanged (a decoded apostrophe entity). */
  original?: string;
}

/** Splits output back into the spans its source came from. */
export class SpanSink implements Sink {
  readonly outs: string[][];
  private at = 0;
  constructor(private readonly text: string, private readonly bounds: readonly number[]) {
    this.outs = bounds.slice(1).map(() => []);
  }
  private spanOf(pos: number): number {
    while (this.at < this.outs.length - 1 && (this.bounds[this.at + 1] ?? 0) <= pos) this.at++;
    return this.at;
  }
  same(start: number, end: number): void {
    let s = start;
    while (s < end) {
      const k = this.spanOf(s);
      const e = Math.min(end, this.bounds[k + 1] ?? end);
      this.outs[k]?.push(this.text.slice(s, e));
      s = e;
    }
  }
  mapped(start: number, _end: number, out: string): void {
    this.outs[this.spanOf(start)]?.push(out);
  }
}

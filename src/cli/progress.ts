/**
 * A progress bar for long CLI tasks on stderr: redrawn in place on a terminal (at most ten times a
 * second), one line per tenth of the work when stderr is a file or a pipe, so logs stay readable.
 */
export interface Progress {
  update(done: number): void;
  /** Ends the bar; with a summary, says what was done and how long it took. */
  finish(summary?: string): void;
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h ? `${h}:${String(m).padStart(2, '0')}` : m}:${String(s % 60).padStart(2, '0')}`;
}

export function progressBar(label: string, total: number, out: NodeJS.WriteStream = process.stderr, now: () => number = Date.now): Progress {
  const started = now();
  const tty = Boolean(out.isTTY);
  let lastDraw = 0;
  let lastTenth = -1;
  const fmt = new Intl.NumberFormat('en-US');
  const line = (done: number) => {
    const elapsed = Math.max(0.001, (now() - started) / 1000);
    const rate = done / elapsed;
    const share = total ? done / total : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
    return `${label} ${bar} ${Math.floor(share * 100)}% ${fmt.format(done)}/${fmt.format(total)} · ${fmt.format(Math.round(rate))}/s · ${done >= total ? `took ${clock(elapsed)}` : `ETA ${clock(rate > 0 ? (total - done) / rate : Infinity)}`}`;
  };
  return {
    update(done) {
      if (tty) {
        if (now() - lastDraw < 100 && done < total) return;
        lastDraw = now();
        out.write(`\r${line(done)}\x1b[K`);
      } else {
        const tenth = total ? Math.floor((done / total) * 10) : 10;
        if (tenth === lastTenth) return;
        lastTenth = tenth;
        out.write(`${line(done)}\n`);
      }
    },
    finish(summary) {
      if (tty) out.write(summary ? '\r\x1b[K' : '\n');
      if (summary) out.write(`${label}: ${summary} in ${clock((now() - started) / 1000)}\n`);
    },
  };
}

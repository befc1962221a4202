/**
 * A progress bar on stderr for long operator tasks (reindex, the search benchmark's corpus). On a
 * terminal it redraws one line at most ten times a second; elsewhere (CI logs, pipes) it prints
 * a plain line every 10 % so logs stay short.
 */
export interface Progress {
  update(done: number, total: number): void;
  done(summary: string): void;
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const start = Date.now();
  let lastDraw = 0;
  let lastDecile = -1;
  const rate = (done: number) => Math.round(done / Math.max(0.001, (Date.now() - start) / 1000));
  return {
    update(done, total) {
      const frac = total > 0 ? Math.min(1, done / total) : 1;
      if (stream.isTTY) {
        const now = Date.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        const width = 30;
        const full = Math.round(frac * width);
        stream.write(`\r${label} [${'#'.repeat(full)}${'.'.repeat(width - full)}] ${done}/${total} ${(frac * 100).toFixed(0)}% ${rate(done)}/s   `);
      } else {
        const decile = Math.floor(frac * 10);
        if (decile === lastDecile) return;
        lastDecile = decile;
        stream.write(`${label}: ${done}/${total} (${decile * 10}%)\n`);
      }
    },
    done(summary) {
      stream.write(`${stream.isTTY ? '\r\x1b[K' : ''}${label}: ${summary} in ${((Date.now() - start) / 1000).toFixed(1)} s\n`);
    },
  };
}

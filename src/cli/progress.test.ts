import { describe, expect, it } from 'vitest';
import { progressBar } from './progress.js';

function sink(isTTY: boolean) {
  const out: string[] = [];
  return { out, stream: { isTTY, write: (s: string) => out.push(s) } as unknown as NodeJS.WriteStream };
}

describe('progress bar', () => {
  it('prints one line per tenth with rate and ETA when stderr is not a terminal', () => {
    const { out, stream } = sink(false);
    let now = 0;
    const bar = progressBar('stories', 1000, stream, () => now);
    for (let done = 0; done <= 1000; done += 50) {
      now = done * 10; // 100 stories a second
      bar.update(done);
    }
    bar.finish();
    expect(out).toHaveLength(11);
    expect(out[5]).toBe('stories [###############...............] 50% 500/1,000 · 100/s · ETA 0:05\n');
    expect(out[10]).toContain('100% 1,000/1,000 · 100/s · took 0:10');
  });

  it('redraws one line in place on a terminal', () => {
    const { out, stream } = sink(true);
    let now = 0;
    const bar = progressBar('stories', 10, stream, () => now);
    for (let done = 1; done <= 10; done++) {
      now += 1000;
      bar.update(done);
    }
    bar.finish();
    expect(out.slice(0, -1).every((s) => s.startsWith('\r') && s.endsWith('\x1b[K'))).toBe(true);
    expect(out.at(-1)).toBe('\n');
  });
});

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEMO_SECTIONS } from './corpus.js';
import { composeHeroSvg, drawHeroImage } from './hero-image.js';

const ACCENT = DEMO_SECTIONS[0]!.color;

describe('drawHeroImage', () => {
  it('draws a 1600×900 JPEG by default', async () => {
    const buf = await drawHeroImage({ seed: 1, accent: ACCENT });
    expect(buf.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    const meta = await sharp(buf).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.width).toBe(1600);
    expect(meta.height).toBe(900);
    expect(buf.length).toBeGreaterThan(5_000);
    expect(buf.length).toBeLessThan(600_000);
  });

  it('honours the requested size', async () => {
    const buf = await drawHeroImage({ seed: 5, accent: '#1B7A57', width: 640, height: 360 });
    const meta = await sharp(buf).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 640, 360]);
  });

  it('is deterministic for a seed and different between seeds', async () => {
    const a = await drawHeroImage({ seed: 42, accent: ACCENT, width: 480, height: 270 });
    const again = await drawHeroImage({ seed: 42, accent: ACCENT, width: 480, height: 270 });
    expect(again.equals(a)).toBe(true);
    const others = await Promise.all([43, 44, 45, 46].map((seed) => drawHeroImage({ seed, accent: ACCENT, width: 480, height: 270 })));
    for (const o of others) expect(o.equals(a)).toBe(false);
    expect(new Set([a, ...others].map((b) => b.toString('base64'))).size).toBe(5);
  });

  it('makes clearly different pictures for different seeds', async () => {
    const stats = await Promise.all(
      [1, 2, 3, 4, 5, 6, 7, 8].map(async (seed) => {
        const buf = await drawHeroImage({ seed, accent: ACCENT, width: 320, height: 180 });
        const raw = await sharp(buf).resize(16, 9, { fit: 'fill' }).greyscale().raw().toBuffer();
        return [...raw];
      }),
    );
    // Mean absolute difference of 16×9 thumbnails: compositions, not just noise, must differ.
    let distinctPairs = 0;
    for (let i = 0; i < stats.length; i++) {
      for (let j = i + 1; j < stats.length; j++) {
        const a = stats[i]!;
        const b = stats[j]!;
        const mad = a.reduce((sum, v, k) => sum + Math.abs(v - (b[k] ?? 0)), 0) / a.length;
        if (mad > 4) distinctPairs++;
      }
    }
    expect(distinctPairs).toBeGreaterThanOrEqual(24); // of 28 pairs
  });

  it('follows the accent colour family', async () => {
    const mean = async (accent: string) => {
      const buf = await drawHeroImage({ seed: 9, accent, width: 160, height: 90 });
      const { channels } = await sharp(buf).stats();
      return channels.map((c) => c.mean);
    };
    const [r1, g1, b1] = await mean('#1D4E89'); // blue
    const [r2, g2, b2] = await mean('#1B7A57'); // green
    expect(b1!).toBeGreaterThan(r1!);
    expect(g2!).toBeGreaterThan(r2!);
    expect(b1! - g1!).toBeGreaterThan(b2! - g2!);
  });

  it('draws an optional escaped label and nothing else textual', async () => {
    expect(composeHeroSvg({ seed: 3, accent: ACCENT })).not.toContain('<text');
    const svg = composeHeroSvg({ seed: 3, accent: ACCENT, label: 'Ташкент <&> "Xabar"' });
    expect(svg.match(/<text/g)).toHaveLength(1);
    expect(svg).toContain('Ташкент &lt;&amp;&gt; &quot;Xabar&quot;');
    const buf = await drawHeroImage({ seed: 3, accent: ACCENT, label: 'ЭКОНОМИКА', width: 800, height: 450 });
    expect((await sharp(buf).metadata()).width).toBe(800);
  });

  it('uses no external resources and survives a malformed accent', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
      const svg = composeHeroSvg({ seed, accent: ACCENT });
      expect(svg).not.toMatch(/href|url\((?!#)|@import|<image/);
    }
    const buf = await drawHeroImage({ seed: 11, accent: 'not-a-colour', width: 200, height: 100 });
    expect((await sharp(buf).metadata()).format).toBe('jpeg');
  });
});

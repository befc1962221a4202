// Abstract, editorial-looking hero images for demo stories: an SVG composed from the seed
// (gradient in the accent colour family, one main motif — skyline with domes and minarets,
// mountain ridges, topographic contours or geometric bands — plus map-like contour lines),
// rendered to JPEG with sharp. No external fonts or files.
import sharp from 'sharp';
import { mulberry32 } from './corpus.gen.js';

export interface HeroImageOptions {
  seed: number;
  /** Hex accent colour, e.g. '#1D4E89'. */
  accent: string;
  /** Optional small label drawn in the top-left corner. */
  label?: string;
  width?: number;
  height?: number;
}

interface Rgb {
  r: number;
  g: number;
  b: number;
}

interface Hsl {
  h: number;
  s: number;
  l: number;
}

function parseHex(hex: string): Rgb {
  let h = hex.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(h)) h = h.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(h)) return { r: 29, g: 78, b: 137 };
  return { r: parseInt(h.slice(0, 2), 16), g: parseInt(h.slice(2, 4), 16), b: parseInt(h.slice(4, 6), 16) };
}

function rgbToHsl({ r, g, b }: Rgb): Hsl {
  const rn = r / 255;
  const gn = g / 255;
  const bn = b / 255;
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return { h: 0, s: 0, l };
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h: number;
  if (max === rn) h = (gn - bn) / d + (gn < bn ? 6 : 0);
  else if (max === gn) h = (bn - rn) / d + 2;
  else h = (rn - gn) / d + 4;
  return { h: h * 60, s, l };
}

function hsl(h: number, s: number, l: number): string {
  const hh = ((h % 360) + 360) % 360;
  const ss = Math.max(0, Math.min(1, s));
  const ll = Math.max(0, Math.min(1, l));
  return `hsl(${hh.toFixed(1)},${(ss * 100).toFixed(1)}%,${(ll * 100).toFixed(1)}%)`;
}

const f = (n: number): string => (Math.round(n * 10) / 10).toString();

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}

/** Smooth closed path through points (Catmull-Rom converted to cubic Béziers). */
function closedCurve(pts: [number, number][]): string {
  const n = pts.length;
  const p = (i: number) => pts[((i % n) + n) % n] as [number, number];
  let d = `M${f(p(0)[0])},${f(p(0)[1])}`;
  for (let i = 0; i < n; i++) {
    const [x0, y0] = p(i - 1);
    const [x1, y1] = p(i);
    const [x2, y2] = p(i + 1);
    const [x3, y3] = p(i + 2);
    d += `C${f(x1 + (x2 - x0) / 6)},${f(y1 + (y2 - y0) / 6)} ${f(x2 - (x3 - x1) / 6)},${f(y2 - (y3 - y1) / 6)} ${f(x2)},${f(y2)}`;
  }
  return `${d}Z`;
}

type Rand = () => number;

/** Topographic rings around a centre: concentric wobbly closed curves. */
function contours(rand: Rand, cx: number, cy: number, rings: number, step: number, stroke: string, opacity: number, width: number): string {
  const waves = Array.from({ length: 3 }, () => ({ k: 2 + Math.floor(rand() * 4), a: 0.05 + rand() * 0.12, ph: rand() * Math.PI * 2 }));
  const squash = 0.55 + rand() * 0.35;
  const rot = rand() * Math.PI;
  const out: string[] = [];
  for (let i = 1; i <= rings; i++) {
    const r = i * step;
    const pts: [number, number][] = [];
    const n = 28;
    for (let j = 0; j < n; j++) {
      const t = (j / n) * Math.PI * 2;
      let m = 1;
      for (const w of waves) m += w.a * Math.sin(w.k * t + w.ph + i * 0.18);
      const x = Math.cos(t) * r * m;
      const y = Math.sin(t) * r * m * squash;
      pts.push([cx + x * Math.cos(rot) - y * Math.sin(rot), cy + x * Math.sin(rot) + y * Math.cos(rot)]);
    }
    const o = opacity * (1 - (i / (rings + 2)) * 0.6);
    out.push(`<path d="${closedCurve(pts)}" fill="none" stroke="${stroke}" stroke-opacity="${o.toFixed(3)}" stroke-width="${width}"/>`);
  }
  return out.join('');
}

/**
 * Topographic isolines of a smooth random height field (sum of Gaussian hills), traced with marching
 * squares; every fifth line is drawn heavier, like index contours on a survey map.
 */
function heightField(rand: Rand, w: number, h: number): (x: number, y: number) => number {
  const hills = Array.from({ length: 4 + Math.floor(rand() * 4) }, () => ({
    x: rand() * w,
    y: rand() * h,
    sx: (0.12 + rand() * 0.25) * w,
    sy: (0.12 + rand() * 0.3) * h,
    a: (rand() < 0.25 ? -0.6 : 1) * (0.5 + rand()),
  }));
  const ph = rand() * Math.PI * 2;
  const field = (x: number, y: number): number => {
    let v = 0.04 * Math.sin(x / (w * 0.07) + ph) * Math.cos(y / (h * 0.09) - ph);
    for (const k of hills) v += k.a * Math.exp(-(((x - k.x) / k.sx) ** 2 + ((y - k.y) / k.sy) ** 2));
    return v;
  };
  return field;
}

function isolines(rand: Rand, w: number, h: number, levels: number, stroke: string, opacity: number, width: number): string {
  const field = heightField(rand, w, h);
  const cell = Math.max(6, Math.round(w / 110));
  const cols = Math.ceil(w / cell) + 1;
  const rows = Math.ceil(h / cell) + 1;
  const grid = new Float64Array(cols * rows);
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const v = field(i * cell, j * cell);
      grid[j * cols + i] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const thin: string[] = [];
  const bold: string[] = [];
  for (let l = 1; l <= levels; l++) {
    const iso = min + ((max - min) * l) / (levels + 1);
    const out = l % 5 === 0 ? bold : thin;
    for (let j = 0; j < rows - 1; j++) {
      for (let i = 0; i < cols - 1; i++) {
        const a = grid[j * cols + i] as number;
        const b = grid[j * cols + i + 1] as number;
        const c = grid[(j + 1) * cols + i + 1] as number;
        const d = grid[(j + 1) * cols + i] as number;
        const idx = (a > iso ? 8 : 0) | (b > iso ? 4 : 0) | (c > iso ? 2 : 0) | (d > iso ? 1 : 0);
        if (idx === 0 || idx === 15) continue;
        const x0 = i * cell;
        const y0 = j * cell;
        const top = (): [number, number] => [x0 + (cell * (iso - a)) / (b - a), y0];
        const right = (): [number, number] => [x0 + cell, y0 + (cell * (iso - b)) / (c - b)];
        const bottom = (): [number, number] => [x0 + (cell * (iso - d)) / (c - d), y0 + cell];
        const left = (): [number, number] => [x0, y0 + (cell * (iso - a)) / (d - a)];
        const segs: [[number, number], [number, number]][] = [];
        switch (idx) {
          case 1: case 14: segs.push([left(), bottom()]); break;
          case 2: case 13: segs.push([bottom(), right()]); break;
          case 3: case 12: segs.push([left(), right()]); break;
          case 4: case 11: segs.push([top(), right()]); break;
          case 6: case 9: segs.push([top(), bottom()]); break;
          case 7: case 8: segs.push([left(), top()]); break;
          case 5: segs.push([left(), top()], [bottom(), right()]); break;
          case 10: segs.push([top(), right()], [left(), bottom()]); break;
        }
        for (const [[p, q], [r, t]] of segs) out.push(`M${f(p)},${f(q)}L${f(r)},${f(t)}`);
      }
    }
  }
  return (
    `<path d="${thin.join('')}" fill="none" stroke="${stroke}" stroke-opacity="${opacity.toFixed(3)}" stroke-width="${f(width)}" stroke-linecap="round"/>` +
    `<path d="${bold.join('')}" fill="none" stroke="${stroke}" stroke-opacity="${Math.min(1, opacity * 1.8).toFixed(3)}" stroke-width="${f(width * 1.8)}" stroke-linecap="round"/>`
  );
}

/** Halftone "dot map": dots on a grid whose size follows a height field, like a stylised atlas. */
function dotMap(rand: Rand, w: number, h: number, step: number, fill: string, opacity: number): string {
  const field = heightField(rand, w, h);
  const vals: number[] = [];
  const pts: [number, number][] = [];
  for (let y = step / 2; y < h; y += step) {
    for (let x = step / 2; x < w; x += step) {
      pts.push([x, y]);
      vals.push(field(x, y));
    }
  }
  const sorted = vals.slice().sort((p, q) => p - q);
  const cut = sorted[Math.floor(sorted.length * 0.55)] as number;
  const top = sorted[sorted.length - 1] as number;
  const dots: string[] = [];
  pts.forEach(([x, y], i) => {
    const v = vals[i] as number;
    if (v <= cut) return;
    const t = Math.min(1, (v - cut) / (top - cut) + 0.25);
    dots.push(`<circle cx="${f(x)}" cy="${f(y)}" r="${f(step * 0.38 * t)}"/>`);
  });
  return `<g fill="${fill}" opacity="${opacity}">${dots.join('')}</g>`;
}

/** Mountain ridge polygon by midpoint displacement. */
function ridge(rand: Rand, w: number, baseY: number, amp: number, rough: number, bottom: number): string {
  let pts: [number, number][] = [
    [0, baseY - rand() * amp],
    [w, baseY - rand() * amp],
  ];
  let disp = amp;
  for (let level = 0; level < 7; level++) {
    const next: [number, number][] = [];
    for (let i = 0; i < pts.length - 1; i++) {
      const [x0, y0] = pts[i] as [number, number];
      const [x1, y1] = pts[i + 1] as [number, number];
      next.push([x0, y0], [(x0 + x1) / 2, (y0 + y1) / 2 + (rand() - 0.5) * disp]);
    }
    next.push(pts[pts.length - 1] as [number, number]);
    pts = next;
    disp *= rough;
  }
  return `M0,${bottom} ${pts.map(([x, y]) => `L${f(x)},${f(y)}`).join(' ')} L${w},${bottom} Z`;
}

/** A row of buildings with domes, minarets and towers along the bottom edge. */
function skyline(rand: Rand, w: number, h: number, baseY: number, scale: number, fill: string, opacity: number, windows: string | null): string {
  const parts: string[] = [];
  const lights: string[] = [];
  let x = -20 - rand() * 40;
  while (x < w + 20) {
    const kind = rand();
    if (kind < 0.16) {
      // Minaret: slender tapered tower with a lantern and cap.
      const mw = (14 + rand() * 10) * scale;
      const mh = (200 + rand() * 160) * scale;
      const top = baseY - mh;
      parts.push(`<path d="M${f(x)},${f(baseY)} L${f(x + mw * 0.12)},${f(top + 30 * scale)} L${f(x + mw * 0.88)},${f(top + 30 * scale)} L${f(x + mw)},${f(baseY)} Z"/>`);
      parts.push(`<rect x="${f(x - 3 * scale)}" y="${f(top + 18 * scale)}" width="${f(mw + 6 * scale)}" height="${f(12 * scale)}"/>`);
      parts.push(`<path d="M${f(x)},${f(top + 18 * scale)} Q${f(x + mw / 2)},${f(top - 10 * scale)} ${f(x + mw)},${f(top + 18 * scale)} Z"/>`);
      x += mw + (10 + rand() * 30) * scale;
    } else if (kind < 0.36) {
      // Domed hall: drum plus a ribbed onion-like dome and a portal.
      const bw = (110 + rand() * 90) * scale;
      const bh = (70 + rand() * 60) * scale;
      const top = baseY - bh;
      const dw = bw * (0.45 + rand() * 0.2);
      const dx = x + (bw - dw) / 2;
      const dh = dw * (0.55 + rand() * 0.25);
      parts.push(`<rect x="${f(x)}" y="${f(top)}" width="${f(bw)}" height="${f(bh + 2)}"/>`);
      parts.push(`<rect x="${f(dx + dw * 0.08)}" y="${f(top - 18 * scale)}" width="${f(dw * 0.84)}" height="${f(20 * scale)}"/>`);
      parts.push(`<path d="M${f(dx)},${f(top - 16 * scale)} C${f(dx - dw * 0.05)},${f(top - 16 * scale - dh * 0.9)} ${f(dx + dw * 0.35)},${f(top - 16 * scale - dh * 1.1)} ${f(dx + dw / 2)},${f(top - 16 * scale - dh * 1.25)} C${f(dx + dw * 0.65)},${f(top - 16 * scale - dh * 1.1)} ${f(dx + dw * 1.05)},${f(top - 16 * scale - dh * 0.9)} ${f(dx + dw)},${f(top - 16 * scale)} Z"/>`);
      parts.push(`<rect x="${f(dx + dw / 2 - 1.5 * scale)}" y="${f(top - 16 * scale - dh * 1.25 - 18 * scale)}" width="${f(3 * scale)}" height="${f(20 * scale)}"/>`);
      x += bw + (8 + rand() * 24) * scale;
    } else {
      // Modern block or tower.
      const bw = (50 + rand() * 110) * scale;
      const bh = (90 + rand() * (kind > 0.85 ? 360 : 220)) * scale;
      const top = baseY - bh;
      parts.push(`<rect x="${f(x)}" y="${f(top)}" width="${f(bw)}" height="${f(bh + 2)}"/>`);
      if (rand() < 0.3) parts.push(`<rect x="${f(x + bw * 0.3)}" y="${f(top - 26 * scale)}" width="${f(bw * 0.4)}" height="${f(28 * scale)}"/>`);
      if (windows && rand() < 0.55) {
        const cols = Math.max(2, Math.floor(bw / (16 * scale)));
        const rows = Math.max(2, Math.floor(bh / (22 * scale)));
        for (let c = 0; c < cols; c++) {
          for (let r = 1; r < rows; r++) {
            if (rand() < 0.22) lights.push(`<rect x="${f(x + (c + 0.3) * (bw / cols))}" y="${f(top + r * (bh / rows))}" width="${f((bw / cols) * 0.4)}" height="${f(5 * scale)}"/>`);
          }
        }
      }
      x += bw + (4 + rand() * 18) * scale;
    }
  }
  const light = windows && lights.length > 0 ? `<g fill="${windows}" opacity="0.55">${lights.join('')}</g>` : '';
  return `<g fill="${fill}" opacity="${opacity}">${parts.join('')}</g>${light}`;
}

/** Composes the SVG document for a seed. Exposed for tests and debugging. */
export function composeHeroSvg(opts: HeroImageOptions): string {
  const w = Math.max(16, Math.round(opts.width ?? 1600));
  const h = Math.max(16, Math.round(opts.height ?? 900));
  const rand = mulberry32((opts.seed ^ 0x2545f491) >>> 0);
  const base = rgbToHsl(parseHex(opts.accent));
  const hue = base.h + (rand() - 0.5) * 24;
  const sat = Math.max(0.35, Math.min(0.75, base.s));
  const hue2 = hue + (rand() < 0.5 ? -1 : 1) * (18 + rand() * 26);

  const deep = hsl(hue, sat * 0.9, 0.1 + rand() * 0.05);
  const mid = hsl(hue, sat, 0.3 + rand() * 0.1);
  const glowC = hsl(hue2, Math.min(1, sat + 0.1), 0.62 + rand() * 0.12);
  const lineC = hsl(hue, sat * 0.4, 0.9);
  const angle = Math.floor(rand() * 360);
  const gx = 0.15 + rand() * 0.7;
  const gy = 0.12 + rand() * 0.4;
  const s = Math.min(w / 1600, h / 900) * 1.0;
  const motif = Math.floor(rand() * 4);
  const mirror = rand() < 0.5;

  const layers: string[] = [];
  // Map-like contour lines: the main motif on topographic images, a quiet texture elsewhere.
  if (motif === 2) layers.push(isolines(rand, w, h, 22, lineC, 0.2, 1.3 * s));
  else if (motif !== 1) layers.push(contours(rand, w * (0.1 + rand() * 0.8), h * (0.15 + rand() * 0.6), 10, 48 * s * (0.8 + rand() * 0.5), lineC, 0.12, 1.2 * s));

  // Faint coordinate grid.
  const gridStep = Math.round((80 + rand() * 60) * s);
  const grid: string[] = [];
  for (let x = gridStep; x < w; x += gridStep) grid.push(`M${x},0V${h}`);
  for (let y = gridStep; y < h; y += gridStep) grid.push(`M0,${y}H${w}`);
  layers.push(`<path d="${grid.join('')}" stroke="${lineC}" stroke-opacity="0.05" stroke-width="${f(s)}"/>`);

  if (motif === 0) {
    // City skyline in two depths.
    const horizon = h * (0.8 + rand() * 0.07);
    layers.push(skyline(rand, w, h, horizon - 40 * s, 0.75 * s, hsl(hue, sat * 0.6, 0.42), 0.45, null));
    layers.push(skyline(rand, w, h, horizon + 30 * s, 1.05 * s, hsl(hue, sat * 0.8, 0.08), 0.92, hsl(hue2, 0.9, 0.78)));
    layers.push(`<rect x="0" y="${f(horizon + 28 * s)}" width="${w}" height="${f(h)}" fill="${hsl(hue, sat * 0.8, 0.07)}"/>`);
  } else if (motif === 1) {
    // Sun disc and layered mountain ridges with atmospheric perspective.
    layers.push(`<circle cx="${f(gx * w)}" cy="${f(Math.min(gy, 0.4) * h)}" r="${f((50 + rand() * 60) * s)}" fill="${glowC}" opacity="0.55"/>`);
    const n = 4;
    for (let i = 0; i < n; i++) {
      const t = i / (n - 1);
      const baseY = h * (0.5 + t * 0.33);
      const fill = hsl(hue + t * 6, sat * (0.45 + t * 0.4), 0.46 - t * 0.39);
      layers.push(`<path d="${ridge(rand, w, baseY, h * (0.26 - t * 0.12), 0.52 + rand() * 0.06, h + 2)}" fill="${fill}" opacity="${(0.4 + t * 0.6).toFixed(2)}"/>`);
    }
  } else if (motif === 2) {
    // Topographic map: highlighted contour with a route and markers.
    const pts: string[] = [];
    let x = w * (0.05 + rand() * 0.1);
    let y = h * (0.3 + rand() * 0.4);
    pts.push(`M${f(x)},${f(y)}`);
    const marks: string[] = [];
    for (let i = 0; i < 5; i++) {
      const nx = x + w * (0.14 + rand() * 0.08);
      const ny = Math.max(h * 0.1, Math.min(h * 0.9, y + (rand() - 0.5) * h * 0.35));
      pts.push(`Q${f((x + nx) / 2 + (rand() - 0.5) * 80 * s)},${f((y + ny) / 2 + (rand() - 0.5) * 160 * s)} ${f(nx)},${f(ny)}`);
      marks.push(`<circle cx="${f(nx)}" cy="${f(ny)}" r="${f(7 * s)}" fill="${glowC}"/><circle cx="${f(nx)}" cy="${f(ny)}" r="${f(18 * s)}" fill="none" stroke="${glowC}" stroke-opacity="0.5" stroke-width="${f(2 * s)}"/>`);
      x = nx;
      y = ny;
    }
    layers.push(`<path d="${pts.join(' ')}" fill="none" stroke="${glowC}" stroke-width="${f(3 * s)}" stroke-dasharray="${f(14 * s)} ${f(10 * s)}" stroke-linecap="round" opacity="0.85"/>`);
    layers.push(marks.join(''));
  } else {
    // Geometric: large circles, diagonal bands and rising bars.
    const cx = w * (0.55 + rand() * 0.3);
    const cy = h * (0.35 + rand() * 0.3);
    const r = h * (0.3 + rand() * 0.15);
    layers.push(`<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(r)}" fill="${glowC}" opacity="0.18"/>`);
    for (let i = 1; i <= 4; i++) layers.push(`<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(r + i * 36 * s)}" fill="none" stroke="${lineC}" stroke-opacity="${(0.22 - i * 0.04).toFixed(2)}" stroke-width="${f(1.5 * s)}"/>`);
    const bandAngle = -20 - rand() * 25;
    for (let i = 0; i < 3; i++) {
      const bw = (60 + rand() * 140) * s;
      const bx = w * (rand() * 0.8);
      layers.push(`<rect x="${f(bx)}" y="${f(-h)}" width="${f(bw)}" height="${f(h * 3)}" fill="${i === 0 ? glowC : lineC}" opacity="${(0.05 + rand() * 0.08).toFixed(3)}" transform="rotate(${f(bandAngle)} ${f(bx)} ${f(h / 2)})"/>`);
    }
    if (rand() < 0.5) {
      layers.push(dotMap(rand, w, h, Math.round((18 + rand() * 10) * s), lineC, 0.2));
    } else {
    const bars = 9 + Math.floor(rand() * 6);
    const bw = (w * 0.42) / bars;
    const x0 = w * (0.05 + rand() * 0.08);
    let v = 0.25 + rand() * 0.2;
    const barParts: string[] = [];
    const linePts: string[] = [];
    for (let i = 0; i < bars; i++) {
      v = Math.max(0.12, Math.min(0.95, v + (rand() - 0.35) * 0.16));
      const bh = v * h * 0.45;
      const bx = x0 + i * bw;
      barParts.push(`<rect x="${f(bx)}" y="${f(h - bh)}" width="${f(bw * 0.62)}" height="${f(bh)}"/>`);
      linePts.push(`${i === 0 ? 'M' : 'L'}${f(bx + bw * 0.31)},${f(h - bh - 40 * s)}`);
    }
    layers.push(`<g fill="${lineC}" opacity="0.16">${barParts.join('')}</g>`);
    layers.push(`<path d="${linePts.join(' ')}" fill="none" stroke="${glowC}" stroke-width="${f(3 * s)}" stroke-linejoin="round" opacity="0.9"/>`);
    }
  }

  let label = '';
  if (opts.label) {
    const text = escapeXml(opts.label.slice(0, 40));
    const fs = Math.round(22 * s);
    const padX = Math.round(16 * s);
    const boxW = Math.round(text.length * fs * 0.62 + padX * 2);
    const boxH = Math.round(fs * 1.9);
    const m = Math.round(36 * s);
    label = `<g><rect x="${m}" y="${m}" width="${boxW}" height="${boxH}" rx="${Math.round(4 * s)}" fill="${hsl(hue, sat, 0.08)}" fill-opacity="0.72"/><rect x="${m}" y="${m}" width="${Math.round(5 * s)}" height="${boxH}" fill="${glowC}"/><text x="${m + padX}" y="${m + boxH / 2}" dominant-baseline="central" font-family="DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif" font-size="${fs}" font-weight="700" letter-spacing="${f(1.5 * s)}" fill="#ffffff">${text}</text></g>`;
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    '<defs>',
    `<linearGradient id="bg" gradientUnits="userSpaceOnUse" x1="0" y1="0" x2="${w}" y2="${h}" gradientTransform="rotate(${angle % 90 - 45} ${w / 2} ${h / 2})"><stop offset="0" stop-color="${mid}"/><stop offset="1" stop-color="${deep}"/></linearGradient>`,
    `<radialGradient id="glow" cx="${f(gx)}" cy="${f(gy)}" r="0.6"><stop offset="0" stop-color="${glowC}" stop-opacity="0.55"/><stop offset="0.5" stop-color="${glowC}" stop-opacity="0.12"/><stop offset="1" stop-color="${glowC}" stop-opacity="0"/></radialGradient>`,
    '<radialGradient id="vig" cx="0.5" cy="0.5" r="0.75"><stop offset="0.55" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.45"/></radialGradient>',
    '</defs>',
    `<rect width="${w}" height="${h}" fill="url(#bg)"/>`,
    `<rect width="${w}" height="${h}" fill="url(#glow)"/>`,
    // Mirror half of the compositions so that layouts do not always lean the same way.
    mirror ? `<g transform="translate(${w},0) scale(-1,1)">${layers.join('')}</g>` : layers.join(''),
    `<rect width="${w}" height="${h}" fill="url(#vig)"/>`,
    label,
    '</svg>',
  ].join('');
}

/** Draws a hero image (default 1600×900) and returns JPEG bytes. */
export async function drawHeroImage(opts: HeroImageOptions): Promise<Buffer> {
  const svg = composeHeroSvg(opts);
  return sharp(Buffer.from(svg), { density: 72 })
    .flatten({ background: '#000000' })
    .jpeg({ quality: 80, progressive: true, mozjpeg: true })
    .toBuffer();
}

// Writes the app icons (web/public/icons/*.png) without any image library: a small PNG encoder
// (node:zlib) and a supersampled drawing of the network glyph (three linked nodes) on the
// police blue. Run `node scripts/make-icons.mjs` after changing the design; the PNGs are committed.
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";

const OUT = new URL("../web/public/icons/", import.meta.url);
const BLUE = [0x15, 0x42, 0x73];
const WHITE = [0xff, 0xff, 0xff];
const ORANGE = [0xf0, 0x9a, 0x2d];

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Shapes in unit coordinates (0..1); `safe` shrinks the glyph into the maskable safe zone.
function colourAt(x, y, { rounded, safe }) {
  const s = safe ? 0.62 : 0.8;
  const u = (x - 0.5) / s + 0.5;
  const v = (y - 0.5) / s + 0.5;
  if (rounded) {
    const r = 0.18; // rounded-square background; transparent outside the corners
    const cx = Math.min(Math.max(x, r), 1 - r);
    const cy = Math.min(Math.max(y, r), 1 - r);
    if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  }
  const nodes = [
    [0.5, 0.22],
    [0.22, 0.74],
    [0.78, 0.74],
  ];
  for (const [nx, ny] of nodes) if ((u - nx) ** 2 + (v - ny) ** 2 < 0.13 ** 2) return (u - nx) ** 2 + (v - ny) ** 2 < 0.07 ** 2 ? ORANGE : WHITE;
  for (let i = 0; i < 3; i++) {
    const [ax, ay] = nodes[i];
    const [bx, by] = nodes[(i + 1) % 3];
    const t = Math.max(0, Math.min(1, ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    if ((u - ax - t * (bx - ax)) ** 2 + (v - ay - t * (by - ay)) ** 2 < 0.035 ** 2) return WHITE;
  }
  return BLUE;
}

function draw(size, opts) {
  const ss = 4;
  const buf = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = colourAt((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size, opts);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      const i = (py * size + px) * 4;
      if (a) [buf[i], buf[i + 1], buf[i + 2]] = [Math.round(r / a), Math.round(g / a), Math.round(b / a)];
      buf[i + 3] = Math.round((255 * a) / (ss * ss));
    }
  return png(size, buf);
}

mkdirSync(OUT, { recursive: true });
const files = {
  "icon-192.png": draw(192, { rounded: true, safe: false }),
  "icon-512.png": draw(512, { rounded: true, safe: false }),
  "maskable-512.png": draw(512, { rounded: false, safe: true }),
  "apple-touch-icon-180.png": draw(180, { rounded: false, safe: false }),
};
for (const [name, data] of Object.entries(files)) {
  writeFileSync(new URL(name, OUT), data);
  console.log(`web/public/icons/${name} ${data.length} bytes`);
}

// Draws the tab bar's icons (src/assets/tab/*.png): 81×81 PNG, one shape in the tab's colour on a
// transparent background, a grey one for the normal state and a brand-red one for the selected
// state (the colours of app.config's tabBar). weapp's native tab bar needs PNG files; the H5 build
// uses the same files. Shapes are drawn by testing 4×4 points per pixel against simple figures and
// written with node's zlib, so no image tool is needed.
//
//   npx tsx scripts/make-tab-icons.ts        (rewrites the PNG files; commit them)
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const SIZE = 81
const SAMPLES = 4
export const NORMAL = '#555555'
export const SELECTED = '#b7312c'

type Shape = (x: number, y: number) => boolean

const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1
const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const polygon =
  (points: ReadonlyArray<readonly [number, number]>): Shape =>
  (x, y) => {
    let inside = false
    // each edge runs from the previous point to this one, the first from the last point
    let previous = points.at(-1)
    for (const current of points) {
      const [xi, yi] = current
      const [xj, yj] = previous ?? current
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
      previous = current
    }
    return inside
  }
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y))
const minus =
  (shape: Shape, ...holes: Shape[]): Shape =>
  (x, y) =>
    shape(x, y) && !holes.some((h) => h(x, y))
/** an outlined rectangle with stroke width w */
const frame = (x0: number, y0: number, x1: number, y1: number, w: number): Shape =>
  minus(rect(x0, y0, x1, y1), rect(x0 + w, y0 + w, x1 - w, y1 - w))

/** One figure per tab, in an 81-unit square with about 10 units of margin. */
export const ICONS: Record<string, Shape> = {
  // 首页: a house, roof and walls, with a door
  home: minus(
    union(
      polygon([
        [40.5, 10],
        [72, 38],
        [9, 38],
      ]),
      rect(18, 36, 63, 70),
    ),
    rect(34, 48, 47, 70),
  ),
  // 救助标准: a bar chart of standards, three bars on a base line
  standards: union(rect(14, 40, 26, 64), rect(34.5, 26, 46.5, 64), rect(55, 14, 67, 64), rect(10, 66, 71, 71)),
  // 办事: a briefcase, handle on top
  services: union(minus(rect(12, 28, 69, 68), rect(16, 44, 65, 47)), frame(30, 16, 51, 30, 5)),
  // 政策: a document with a folded corner and lines of text
  policies: union(
    minus(
      polygon([
        [16, 10],
        [52, 10],
        [66, 24],
        [66, 71],
        [16, 71],
      ]),
      rect(21, 15, 61, 66),
    ),
    polygon([
      [50, 10],
      [66, 26],
      [50, 26],
    ]),
    rect(26, 34, 56, 38),
    rect(26, 45, 56, 49),
    rect(26, 56, 46, 60),
  ),
  // 我的: a person, head and shoulders
  mine: union(circle(40.5, 25, 14), minus(circle(40.5, 76, 31), rect(0, 0, 81, 44))),
}

function hexColour(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

/** RGBA pixels of a shape: the colour everywhere, alpha from the share of sample points inside. */
export function rasterise(shape: Shape, colour: string): Buffer {
  const [r, g, b] = hexColour(colour)
  const pixels = Buffer.alloc(SIZE * SIZE * 4)
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let hits = 0
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          if (shape(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)) hits++
        }
      }
      const at = (py * SIZE + px) * 4
      pixels[at] = r
      pixels[at + 1] = g
      pixels[at + 2] = b
      pixels[at + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES))
    }
  }
  return pixels
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(data: Buffer): number {
  let c = 0xffffffff
  // (c ^ byte) & 255 is an index into the 256-entry table
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 255]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A truecolour-with-alpha PNG of SIZE×SIZE RGBA pixels. */
export function encodePng(pixels: Buffer): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header[8] = 8 // bits per channel
  header[9] = 6 // RGBA
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1))
  for (let y = 0; y < SIZE; y++) pixels.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

export const ICON_DIR = path.resolve(__dirname, '../src/assets/tab')

if (require.main === module) {
  fs.mkdirSync(ICON_DIR, { recursive: true })
  for (const [name, shape] of Object.entries(ICONS)) {
    fs.writeFileSync(path.join(ICON_DIR, `${name}.png`), encodePng(rasterise(shape, NORMAL)))
    fs.writeFileSync(path.join(ICON_DIR, `${name}-active.png`), encodePng(rasterise(shape, SELECTED)))
  }
  process.stdout.write(`${path.relative(process.cwd(), ICON_DIR)}: ${Object.keys(ICONS).length * 2} icons\n`)
}

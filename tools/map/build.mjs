// Builds the embedded map lines in assets/map/ from Natural Earth data.
//
// Source: the npm package `world-atlas` 2.0.2 (Mike Bostock, ISC licence), which repackages
// Natural Earth 4.1.0 "Admin 0 - Countries" at 1:110m and 1:50m as TopoJSON. Natural Earth
// itself is public domain (https://www.naturalearthdata.com/about/terms-of-use/), so the
// derived files carry no licence obligations; the ISC notice covers world-atlas's packaging,
// none of which is copied.
//
// Usage: node tools/map/build.mjs <world-atlas dir> <output dir>
// (see tools/map/README.md for the exact commands).
//
// TopoJSON stores each stretch of outline once, as an "arc" shared by the countries on either
// side. An arc that two countries use is a land border; an arc that one country uses faces the
// sea (or a lake that belongs to no country), so it is coast. That gives both kinds of line from
// one consistent geometry, with borders meeting the coast exactly.
//
// Output format, one file per resolution (all integers little-endian LEB128 varints, signed ones
// zigzag-encoded):
//   magic  "NEL1"
//   quantum            size of one coordinate step, in millionths of a degree
//   coast_count        number of coast polylines, which come first
//   border_count       number of border polylines, which follow
//   per polyline:      point_count, then point_count × (dx, dy) signed steps
// Every point is a step from the previous one, the cursor running on from polyline to polyline
// and starting at (0, 0); x is longitude, y latitude, both in quanta.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const SETS = [
  // 0.02° is about 2 km, far below what the world view can show.
  { source: "countries-110m.json", output: "ne-110m.bin", quantum: 0.02 },
  // 0.01° is about 1 km, which keeps Europe's coasts sharp at region scale.
  { source: "countries-50m.json", output: "ne-50m.bin", quantum: 0.01 },
];

function arcsInDegrees(topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

// Counts the distinct countries using each arc (a negative index is the arc reversed).
function ownersPerArc(topology) {
  const owners = topology.arcs.map(() => new Set());
  topology.objects.countries.geometries.forEach((country, id) => {
    const walk = (item) => {
      if (typeof item === "number") owners[item < 0 ? ~item : item].add(id);
      else item.forEach(walk);
    };
    if (country.arcs) walk(country.arcs);
  });
  return owners.map((set) => set.size);
}

const onMeridian = (x) => Math.abs(Math.abs(x) - 180) < 1e-6;

// Polygons are cut at the antimeridian and Antarctica is closed along the south pole; those
// edges are artefacts of the flat map, not coast, so they are dropped.
function isArtificial([x0, y0], [x1, y1]) {
  return (onMeridian(x0) && onMeridian(x1)) || (y0 < -89.9 && y1 < -89.9);
}

function quantisedPieces(points, quantum) {
  const pieces = [];
  let piece = [];
  const close = () => {
    if (piece.length >= 2) pieces.push(piece);
    piece = [];
  };
  const add = ([x, y]) => {
    const q = [Math.round(x / quantum), Math.round(y / quantum)];
    const last = piece[piece.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) piece.push(q);
  };
  for (let i = 0; i < points.length; i++) {
    const point = points[i];
    let before = points[i - 1];
    if (before && Math.abs(point[0] - before[0]) > 180) {
      // Some arcs step from +180 to -180 (or back) for the same place: end the line at the
      // edge it reached and go on from the opposite edge, instead of crossing the whole map.
      if (onMeridian(point[0])) add([-point[0], point[1]]);
      close();
      if (onMeridian(before[0])) {
        before = [-before[0], before[1]];
        add(before);
      }
    }
    if (before && isArtificial(before, point)) close();
    add(point);
  }
  close();
  return pieces.map(dropStraightPoints).filter((piece) => piece.length >= 2);
}

// A point on the straight line between its neighbours adds bytes but nothing visible.
function dropStraightPoints(piece) {
  const kept = [piece[0]];
  for (let i = 1; i < piece.length - 1; i++) {
    const [a, b, c] = [kept[kept.length - 1], piece[i], piece[i + 1]];
    const cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
    const between = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]) > 0;
    if (cross !== 0 || !between) kept.push(b);
  }
  kept.push(piece[piece.length - 1]);
  return kept;
}

function varint(bytes, value) {
  while (value >= 0x80) {
    bytes.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 128);
  }
  bytes.push(value);
}

const zigzag = (n) => (n >= 0 ? 2 * n : -2 * n - 1);

function encode(coast, border, quantum) {
  const bytes = [..."NEL1"].map((c) => c.charCodeAt(0));
  varint(bytes, Math.round(quantum * 1e6));
  varint(bytes, coast.length);
  varint(bytes, border.length);
  let cursor = [0, 0];
  for (const line of [...coast, ...border]) {
    varint(bytes, line.length);
    for (const point of line) {
      varint(bytes, zigzag(point[0] - cursor[0]));
      varint(bytes, zigzag(point[1] - cursor[1]));
      cursor = point;
    }
  }
  return Buffer.from(bytes);
}

const [atlasDir, outDir] = process.argv.slice(2);
if (!atlasDir || !outDir) {
  console.error("usage: node tools/map/build.mjs <world-atlas dir> <output dir>");
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(atlasDir, "package.json"), "utf8"));
if (pkg.name !== "world-atlas" || !pkg.version.startsWith("2.")) {
  console.error(`expected world-atlas 2.x, found ${pkg.name} ${pkg.version}`);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
for (const set of SETS) {
  const topology = JSON.parse(readFileSync(join(atlasDir, set.source), "utf8"));
  const owners = ownersPerArc(topology);
  const coast = [];
  const border = [];
  arcsInDegrees(topology).forEach((arc, i) => {
    if (owners[i] === 0) return;
    const target = owners[i] === 1 ? coast : border;
    target.push(...quantisedPieces(arc, set.quantum));
  });
  const data = encode(coast, border, set.quantum);
  writeFileSync(join(outDir, set.output), data);
  const points = [...coast, ...border].reduce((n, line) => n + line.length, 0);
  console.error(
    `${set.output}: ${coast.length} coast + ${border.length} border lines, ` +
      `${points} points, ${data.length} bytes`,
  );
}

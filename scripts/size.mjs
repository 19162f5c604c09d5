// Prints the bytes a browser fetches for the app: each wasm, js and css file of a build,
// raw, gzip (level 9) and brotli (quality 11), and their total.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] || 'dist';
const rows = readdirSync(dir)
  .filter((f) => /\.(wasm|js|css)$/.test(f))
  .map((f) => {
    const raw = readFileSync(join(dir, f));
    return {
      file: f,
      raw: raw.length,
      gzip: gzipSync(raw, { level: 9 }).length,
      brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
const total = rows.reduce((t, r) => ({ file: 'total', raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
console.log(`${'file'.padEnd(40)}${'raw'.padStart(11)}${'gzip'.padStart(11)}${'brotli'.padStart(11)}`);
for (const r of [...rows, total]) console.log(`${r.file.padEnd(40)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);

// trunk post-build hook: minifies the JavaScript trunk leaves as it is, in release builds.
//
// Why: trunk's `minify` covers the HTML and CSS but not wasm-bindgen's generated glue
// (dealform-app.js: trunk's own JS minifier tries and gives up on its `export … as default`,
// the "Failed to minify JS" warning in the build log) nor copied files (the widget loader,
// dealform.js). Both are on a widget's first load; minified, the glue goes from 6.9 to 5.3 KiB
// of brotli and the loader from 1.5 to 1.1 (scripts/size.mjs).
//
// The glue's <link rel=modulepreload> carries a subresource-integrity hash of the file trunk
// wrote, so the hash is written anew for the minified file; otherwise the browser would refuse it.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { sri } from './sri.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('minify-glue: TRUNK_STAGING_DIR is not set (run me as a trunk hook)');
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const tools = process.env.DEALFORM_TOOLS || join(process.env.HOME ?? '', '.cache/dealform-tools');
const esbuild = join(tools, 'node_modules/.bin/esbuild');
if (!existsSync(esbuild)) {
  console.error(`minify-glue: ${esbuild} is missing: run scripts/install-tools.sh (or make release)`);
  process.exit(1);
}

const htmlPath = join(staging, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
// __wasm_split.js: the loader of the chunks, where scripts/split-wasm.mjs made them.
for (const file of ['dealform-app.js', 'dealform.js', '__wasm_split.js']) {
  const path = join(staging, file);
  if (file === '__wasm_split.js' && !existsSync(path)) continue;
  const before = readFileSync(path);
  // ESM in and out: the exports (`default`, `mountWidget`, …) keep their names.
  execFileSync(esbuild, [path, '--minify', '--format=esm', '--target=es2020', `--outfile=${path}`, '--allow-overwrite', '--log-level=warning'], { stdio: 'inherit' });
  const after = readFileSync(path);
  const old = sri(before);
  if (html.includes(old)) {
    html = html.replace(old, sri(after));
  } else if (file === 'dealform-app.js' && html.includes('integrity')) {
    // trunk hashed it, but not as we expect: better a failed build than a page that will not load.
    console.error(`minify-glue: index.html has no integrity ${old} for ${file}`);
    process.exit(1);
  }
  console.error(`minify-glue: ${file} ${before.length} -> ${after.length} bytes`);
}
writeFileSync(htmlPath, html);

// trunk post-build hook, release builds only: splits the app's wasm into the main module and
// chunks fetched when first needed (the split points are in `src/ui/chunks.rs`): the form's code,
// the scrolling list's, and each backend's, each named by its content.
//
// Why: the first load (what a page or a widget host fetches before the list shows) need not
// carry the form, nor a list view or the backends the configuration does not name. scripts/release.sh builds with
// `--cfg dealform_split` (which marks the split points, wasm imports the split resolves) and
// `--emit-relocs` (which the splitter reads to know what each function uses). trunk has no step
// for this, so this hook redoes trunk's last two on the split module: wasm-bindgen, then
// wasm-opt -Oz on it and on each chunk, and writes the new wasm's integrity hash in index.html.
// Before the split it takes out the exports nothing uses (unused-exports.mjs); between
// wasm-bindgen and wasm-opt it gives the names the wasm and the glue share short ones
// (short-names.mjs).
// minify-glue.mjs runs after it, in the same hook (trunk runs a stage's hooks at once).
//
// DEALFORM_WASM_NAMES=1 keeps the functions' names in the wasm (a bigger build, for analysis).
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sri } from './sri.mjs';
import { dropUnusedClasses } from './unused-exports.mjs';
import { shortenNames } from './short-names.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('split-wasm: TRUNK_STAGING_DIR is not set (run me as a trunk hook)');
if (process.env.TRUNK_PROFILE !== 'release' || process.env.DEALFORM_SPLIT !== '1') process.exit(0);

const NAME = 'dealform-app';
const raw = join(process.env.CARGO_TARGET_DIR || 'target', 'wasm32-unknown-unknown/release', `${NAME}.wasm`);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });

try {
  execFileSync('wasm-split-cli', ['--help'], { stdio: 'ignore' });
} catch {
  console.error('split-wasm: wasm-split-cli is missing: run scripts/install-tools.sh (or make release)');
  process.exit(1);
}

/** How long a chunk may take to arrive, in ms, before its load fails. */
const CHUNK_WAIT = 30_000;

/**
 * Has the loader give up on a chunk whose bytes have not all come within CHUNK_WAIT, mark a chunk
 * the server no longer has, and fail at once everyone who waited for a load that failed.
 *
 * Why: the loader as wasm-split-cli writes it waits for ever for a server that takes the request
 * and never answers, and so does whatever waits for the chunk (Save stays at "Saving…", the
 * list at "Loading…"). Given up, the load fails like a cut network: the app says so, keeps what
 * was typed, and its Retry (or Save again) fetches the chunk anew, as the loader forgets a
 * failed load. The timer is left to run: once the chunk is compiled, aborting its fetch does
 * nothing.
 *
 * A chunk the server no longer has (it answers 404 or 410, or with an HTML page, as a host that
 * answers every path with its index page does) sets `__dealformGone` on the global object: the
 * page predates a redeploy, and the app says to reload it rather than retry (`chunk_gone` in
 * src/ui/chunks.rs).
 *
 * The app waits for a chunk one caller at a time (wasm_split_helpers' once-cell): when a load
 * fails, the next caller in line (a form opening behind the list's prefetch, say) asks for it
 * again at once, and would wait for a second fetch. So the loader keeps a failed load until the
 * current task is over: those callers, who ask in its microtasks, share the failure, while a
 * later Retry fetches anew.
 */
function boundLoads(loader, chunks) {
  const FETCH = 'fetch(new URL(';
  const found = loader.split(FETCH).length - 1;
  if (found !== chunks) throw new Error(`split-wasm: __wasm_split.js fetches ${found} times, not once for each of its ${chunks} chunks`);
  const imports = loader.match(/^import [^\n]*\n/);
  if (!imports) throw new Error('split-wasm: __wasm_split.js does not start with its import');
  const FORGET = /thisLoad\.catch\(\(\) => \{(\s*if \(loadingModule === thisLoad\) loadingModule = undefined;\s*)\}\);/;
  if (!FORGET.test(loader)) throw new Error('split-wasm: __wasm_split.js does not forget a failed load as expected');
  const fetchChunk = `const fetchChunk = (url) => {
  const stop = new AbortController();
  setTimeout(() => stop.abort(new DOMException(\`\${url} did not arrive within ${CHUNK_WAIT / 1000} s\`, "TimeoutError")), ${CHUNK_WAIT});
  return fetch(url, { signal: stop.signal }).then((r) => {
    if (r.ok ? /html/.test(r.headers.get("content-type")) : r.status === 404 || r.status === 410) globalThis.__dealformGone = true;
    return r;
  });
};
`;
  return imports[0] + fetchChunk + loader.slice(imports[0].length)
    .replaceAll(FETCH, 'fetchChunk(new URL(')
    .replace(FORGET, 'thisLoad.catch(() => setTimeout(() => {$1}));');
}

/** The split points a first load may need, by the loader's names for them without `dealform_`. */
const SPLITS = ['local', 'crm', 'rest', 'scroll', 'form'];

/**
 * Which files each split point's load fetches, by the loader's name for it (`dealform_crm`, …):
 * the chunks it needs, then its own, as the loader's table (`boundLoads`' output) says.
 */
function splitFiles(loader) {
  const chunk = {};
  for (const m of loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetchChunk\(new URL\("\.\/([^"]+)"/g)) chunk[m[1]] = m[2];
  const splits = {};
  const SPLIT = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetchChunk\(new URL\("\.\/([^"]+)"[^]*?\n, \[([^\]]*)\]\)\)/g;
  for (const m of loader.matchAll(SPLIT)) {
    const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean);
    if (deps.some((d) => !chunk[d])) throw new Error(`split-wasm: __wasm_split.js's ${m[1]} needs a chunk its table lacks: ${deps}`);
    splits[m[1]] = [...deps.map((d) => chunk[d]), m[2]];
  }
  return splits;
}

/**
 * Lets the chunks a configuration needs before the list shows (the backend's, the scrolling
 * list's, and the form's where it opens first) be fetched before the app asks for them: the
 * loader gains `warm(config)`, which starts their fetches, and its own fetch of a chunk then takes
 * the warmed one (once: a Retry fetches anew). The glue re-exports it for the widget loader, which
 * calls it with a widget's configuration as the widget connects, before the main wasm has come.
 * On the standalone page the loader calls it itself, with the configuration the page's own
 * script fetched (`pageScript`).
 *
 * Why: otherwise those chunks are asked for only once the main wasm has arrived, run and read the
 * configuration: a round trip after it on every cold load. Now they come alongside it.
 * `warm` reads no more of the configuration than which chunks to fetch: the app checks it. A guess
 * the app then does not follow (a configuration it refuses) costs the bytes of a few chunks.
 */
function warmable(loader) {
  const files = splitFiles(loader);
  const want = JSON.stringify(Object.fromEntries(SPLITS.map((split) => {
    const needs = files[`dealform_${split}`];
    if (!needs) throw new Error(`split-wasm: __wasm_split.js has no split point dealform_${split}`);
    return [split, needs.map((f) => `./${f}`)];
  })));
  const FETCH = 'const fetchChunk = (url) => {\n';
  if (!loader.includes(FETCH)) throw new Error('split-wasm: __wasm_split.js has no fetchChunk to warm');
  return loader.replace(FETCH, `${FETCH}  const early = warmed.get(String(url));
  if (early) {
    warmed.set(String(url), null);
    return early;
  }
`) + `
/** Chunk fetches started by \`warm\` (null once taken), by URL. */
const warmed = new Map();
export const warm = (c) => {
  const w = ${want}, p = c?.provider;
  // A configuration that names no CRM (or is no object at all) is the local backend's; one that
  // names a CRM there is none of warms the CRMs' chunk for nothing (the app says what is wrong).
  for (const f of new Set([...w[!p || p == "local" ? "local" : p == "rest" ? "rest" : "crm"] ?? [], ...c?.list == "scroll" ? w.scroll : [], ...c?.mode == "create" ? w.form : []])) {
    const url = String(new URL(f, import.meta.url));
    if (!warmed.has(url)) {
      const r = fetchChunk(url);
      r.catch(() => {});
      warmed.set(url, r);
    }
  }
};
// The standalone page's configuration, fetched by the page's own script. This runs before the app
// reads the same answer (it asks later), so the chunks are warmed before the app asks for them.
globalThis.__dealformConfig?.then(() => warm(globalThis.__dealformConfigJson), () => {});
`;
}

/**
 * The standalone page's script that asks for config.json as the page loads, and a
 * <link rel=modulepreload> for the loader, which the glue imports.
 *
 * Why: otherwise the app asks for config.json only once its wasm runs, and the loader only once
 * the glue has come: each a round trip after the other. Now both overlap the main wasm's download.
 * The app takes this answer to config.json (`__dealformConfig`, src/client/config.rs) instead of
 * asking again, and the loader reads which chunks to warm from its JSON (`__dealformConfigJson`,
 * set before the answer is handed on; a body that is not JSON leaves it unset: no configuration).
 * The app handles a failed request (it warns and goes on with no configuration); the `catch` on
 * the side keeps the browser from also reporting it as an unhandled rejection before the app asks.
 */
function pageScript(page, integrity) {
  const script = '<script>(window.__dealformConfig=fetch("config.json").then(r=>r.clone().json()'
    + '.then(c=>{window.__dealformConfigJson=c},()=>0).then(()=>r))).catch(()=>0)</script>'
    + `<link crossorigin href=./__wasm_split.js integrity=${integrity} rel=modulepreload>`;
  const at = page.indexOf('<script type=module>');
  if (at < 0) throw new Error('split-wasm: index.html has no <script type=module> to put the early fetches before');
  return page.slice(0, at) + script + page.slice(at);
}

const work = mkdtempSync(join(tmpdir(), 'dealform-split-'));
try {
  // wasm-streams' classes, which nothing uses, leave the linked wasm first, so that the
  // split keeps nothing they reach (unused-exports.mjs).
  const linked = join(mkdtempSync(join(work, 'linked-')), `${NAME}.wasm`);
  writeFileSync(linked, dropUnusedClasses(readFileSync(raw)).wasm);
  // Main module (NAME.wasm), one wasm per chunk, and __wasm_split.js, which fetches the chunks
  // beside itself and links them to the main module through NAME.js.
  execFileSync('wasm-split-cli', [linked, work, '--out-name', NAME, '--target', 'web'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const chunks = readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${NAME}.wasm`);
  if (chunks.length === 0) throw new Error(`split-wasm: ${raw} has no split point: was it built with --cfg dealform_split?`);

  const bindgen = join(work, 'bindgen');
  run('wasm-bindgen', ['--target=web', `--out-dir=${bindgen}`, `--out-name=${NAME}`, '--no-typescript', '--keep-lld-exports', ...(process.env.DEALFORM_WASM_NAMES ? ['--keep-debug'] : []), join(work, `${NAME}.wasm`)]);
  // The names the wasm and the glue share get short (short-names.mjs).
  const glue = join(bindgen, `${NAME}.js`);
  const bound = join(bindgen, `${NAME}_bg.wasm`);
  const shortened = shortenNames(readFileSync(bound), readFileSync(glue, 'utf8'), `./${NAME}_bg.js`);
  // The widget loader warms the chunks a widget's configuration needs through the glue (`warmable`).
  writeFileSync(glue, `${shortened.js}export { warm } from "./__wasm_split.js";\n`);
  writeFileSync(bound, shortened.wasm);

  const html = join(staging, 'index.html');
  let page = readFileSync(html, 'utf8');
  const swap = (file, write) => {
    const path = join(staging, file);
    const before = existsSync(path) ? sri(readFileSync(path)) : null;
    write(path);
    if (before && page.includes(before)) page = page.replace(before, sri(readFileSync(path)));
  };
  swap(`${NAME}.js`, (to) => copyFileSync(glue, to));
  // Then the sections no browser reads go: which toolchain made the wasm, and which features
  // it uses (wasm-opt reads them as it loads the file, before it strips them). Some 180 bytes in
  // each of the many files. `--converge` runs -Oz again until it changes nothing: 0.2 KiB less
  // brotli on a first load, for some 10 s of build.
  const OPTIMISE = ['-Oz', '--converge', '--strip-producers', '--strip-target-features', ...(process.env.DEALFORM_WASM_NAMES ? ['-g'] : [])];
  swap(`${NAME}_bg.wasm`, (to) => run('wasm-opt', [...OPTIMISE, bound, `--output=${to}`]));
  // Each chunk's name carries a hash of its content, and the loader asks for that name. A chunk
  // fits only the main module it was split from (it links to that module's functions, table
  // slots and memory): a page opened before a redeploy must not fetch the new build's chunk
  // under the same name. It gets the old one, where the host keeps it, or a failed fetch,
  // which the app reports with Retry, never code that does not fit.
  let loader = boundLoads(readFileSync(join(work, '__wasm_split.js'), 'utf8'), chunks.length);
  const named = [];
  for (const chunk of chunks) {
    const optimised = join(work, `opt-${chunk}`);
    run('wasm-opt', [...OPTIMISE, join(work, chunk), `--output=${optimised}`]);
    const hash = createHash('sha256').update(readFileSync(optimised)).digest('hex').slice(0, 12);
    const name = chunk.replace(/\.wasm$/, `.${hash}.wasm`);
    const reference = `"./${chunk}"`;
    if (!loader.includes(reference)) throw new Error(`split-wasm: __wasm_split.js does not ask for ${reference}`);
    loader = loader.replaceAll(reference, `"./${name}"`);
    copyFileSync(optimised, join(staging, name));
    named.push(name);
  }
  loader = warmable(loader);
  writeFileSync(join(staging, '__wasm_split.js'), loader);
  page = pageScript(page, sri(Buffer.from(loader)));
  writeFileSync(html, page);
  console.error(`split-wasm: ${NAME}_bg.wasm, and the chunks fetched when first needed: ${named.join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

// The last step of scripts/split-wasm.mjs: moves the main module's functions a first load does
// not run into a module of their own, fetched once the page's first view is shown (the lazy
// module; tools/lazy-split explains how the two modules share the work).
//
// Why: what is left in the main module after the split points of src/ui/chunks.rs is a long tail
// of small functions only the user's actions run (event handlers, navigation, the form's helpers,
// paging, sorting): some 600 functions, a fifth of the main module's brotli bytes, which a first
// load fetched for nothing (issue #5's budget). No split point in the source catches those; a
// profile of what first loads run does.
//
// The steps, on the finished staging directory:
// 1. a copy of the build whose main module reports each function as it first runs
//    (`lazy-split instrument`) is opened in headless Chromium in every way a page can start
//    (scripts/lazy-profile.mjs): what ran is the profile;
// 2. `lazy-split split` keeps in the main module what the profile saw, and moves the rest into
//    `lazy.<hash>.wasm`;
// 3. `lazy-split guard` has every chunk check a table slot that may hold moved code before it
//    calls it (the lazy module puts the real function there), and so does the chunk loader,
//    which calls a callback through the table (`__dealformCheck`, the main module's check);
// 4. the glue gets the lazy module's loader: `lazy.load`, which the main module calls the first
//    time it needs moved code (fetching it then, synchronously, if it has not come), and
//    `__dealformPrefetch`, which the app calls once its first view is shown, to fetch it ahead.
//    Where it cannot be fetched, each app on the page says so in its `.df-fault` region, in the
//    app's own words for code that did not come, and the action fails; a later one tries again.
//
// DEALFORM_LAZY=0 leaves the build as it is. Chromium and the fake CRM must be there: `make
// release` installs the one and scripts/release.sh builds the other. To look into a profile:
// DEALFORM_PROFILE_DUMP=file writes which functions each way of starting ran, and
// DEALFORM_LAZY_KEEP=file keeps the main module as it was before the split.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sri } from './sri.mjs';
import { profile } from './lazy-profile.mjs';

/** A chunk of the release build, as split-wasm.mjs names it: its name, then its content's hash. */
const CHUNK = /^((?:chunk_\d+|split_\w+)\.)([0-9a-f]{12})\.wasm$/;

/** The features rustc's wasm has (wasm-opt --print-features): the modules this step writes carry
 *  no section naming them, as the build strips it. */
const FEATURES = ['--enable-mutable-globals', '--enable-nontrapping-float-to-int', '--enable-bulk-memory', '--enable-sign-ext',
  '--enable-reference-types', '--enable-multivalue', '--enable-bulk-memory-opt', '--enable-call-indirect-overlong'];

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);

/**
 * Adds an import object for the `lazy` module to the glue wasm-bindgen wrote (not yet minified),
 * with `code` defining `__dealformLazy` before it.
 */
function withLazyImports(glue, code) {
  const ANCHOR = '"./dealform-app_bg.js": import0,';
  if (glue.split(ANCHOR).length !== 2) throw new Error('lazy-split: the glue does not build its imports as expected');
  return glue.replace(ANCHOR, `${ANCHOR}\n        lazy: __dealformLazy,`) + code;
}

/** The profile build's import: each function reports itself as it first runs. */
const HITS = `
const __dealformLazy = { __proto__: null, hit: (f) => (globalThis.__dealformHits ??= new Set()).add(f) };
`;

/**
 * The loader of the lazy module, in the glue (where `wasm` is the main instance's exports).
 *
 * `load` runs inside a call of the main module that reached moved code: it cannot wait, so where
 * the lazy module has not been fetched yet it fetches it synchronously (a synchronous
 * XMLHttpRequest, whose text is the bytes) and compiles it there. That is the rare case: the app
 * calls `__dealformPrefetch` once its first view is shown, which fetches and instantiates it.
 * A lazy module that cannot be fetched at that point is an error the page reports: the app
 * cannot go on without it.
 */
function loaderCode(file) {
  return `
/** The lazy module (scripts/lazy-split.mjs): the code a first load does not run. */
const LAZY_URL = new URL("./${file}", import.meta.url);
let lazyModule, lazyInstance, lazyFetch, lazyFaulted = false;
const lazyStart = (module) => {
  lazyModule = module;
  if (wasm && !lazyInstance) {
    lazyInstance = new WebAssembly.Instance(module, { main: wasm });
    if (lazyFaulted) lazyFault("");
  }
};
/**
 * Says \`gone\` (the words the app gives each of its \`.df-fault\` regions, on the page and in
 * every widget's shadow root), or nothing.
 */
const lazyFault = (gone) => {
  lazyFaulted = gone !== "";
  for (const root of [document, ...[...document.querySelectorAll("*")].map((e) => e.shadowRoot).filter(Boolean)]) {
    for (const p of root.querySelectorAll(".df-fault")) p.textContent = gone === "" ? "" : p.dataset[gone ? "gone" : "unreachable"];
  }
};
const __dealformLazy = {
  __proto__: null,
  /** The main module reached code the lazy module holds: it cannot wait, so where that has not
   *  come, it is fetched here, synchronously. Where it cannot be, the app says so, and the call
   *  fails (nothing happens); a later one tries again. */
  load() {
    if (lazyInstance) return;
    if (!lazyModule) {
      const request = new XMLHttpRequest();
      request.open("GET", LAZY_URL, false);
      request.overrideMimeType("text/plain; charset=x-user-defined");
      let status = 0;
      try {
        request.send();
        status = request.status;
      } catch {}
      if (status !== 200) {
        const gone = status === 404 || status === 410;
        if (gone) globalThis.__dealformGone = true;
        lazyFault(gone);
        throw new Error(\`dealform: \${LAZY_URL} could not be fetched (\${status || "no answer"})\`);
      }
      const text = request.responseText;
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      lazyModule = new WebAssembly.Module(bytes);
    }
    lazyStart(lazyModule);
  },
};
/**
 * Fetches the lazy module ahead of need. The app calls it as its first view is built, and when
 * the user reaches into the list: the fetch starts once that view has been painted (the task
 * after the next frame), so that it does not hold the view up, and again after a failure.
 */
globalThis.__dealformPrefetch = () => {
  lazyFetch ??= new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)))
    .then(() => fetch(LAZY_URL))
    .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(\`\${LAZY_URL}: \${r.status}\`))))
    .then((bytes) => WebAssembly.compile(bytes))
    .then(lazyStart, () => { lazyFetch = undefined; });
};
`;
}

/**
 * Runs the steps above on `staging`, whose page (index.html's text) is `page`, and returns the
 * page with its integrity hashes written anew. `name` is the app's file name stem, `optimise`
 * wasm-opt's options, `run` runs a command.
 */
export async function lazySplit({ staging, page, name, optimise: options, run }) {
  const optimise = [...FEATURES, ...options];
  if (process.env.DEALFORM_LAZY === '0') {
    console.error('lazy-split: DEALFORM_LAZY=0, no lazy module');
    return page;
  }
  const tool = process.env.DEALFORM_LAZY_SPLIT || 'target/release/lazy-split';
  if (!existsSync(tool)) throw new Error(`lazy-split: ${tool} is missing: build it with cargo build --release -p lazy-split (scripts/release.sh does)`);
  const mainWasm = join(staging, `${name}_bg.wasm`);
  const gluePath = join(staging, `${name}.js`);
  const loaderPath = join(staging, '__wasm_split.js');
  const work = mkdtempSync(join(tmpdir(), 'dealform-lazy-'));
  try {
    // 1. The profile, on a copy of the build.
    const copy = join(work, 'profile');
    cpSync(staging, copy, { recursive: true });
    run(tool, ['instrument', mainWasm, join(copy, `${name}_bg.wasm`)]);
    writeFileSync(join(copy, `${name}.js`), withLazyImports(readFileSync(gluePath, 'utf8'), HITS));
    // The copy's files are not the ones the page's integrity hashes name.
    const copyPage = join(copy, 'index.html');
    writeFileSync(copyPage, readFileSync(copyPage, 'utf8').replace(/ integrity=("[^"]*"|[^ >]*)/g, ''));
    const hot = await profile(copy, { fakeCrm: process.env.FAKE_CRM });
    const profilePath = join(work, 'profile.json');
    writeFileSync(profilePath, JSON.stringify(hot));

    // 2. The split.
    if (process.env.DEALFORM_LAZY_KEEP) cpSync(mainWasm, process.env.DEALFORM_LAZY_KEEP);
    const slots = join(work, 'slots.json');
    run(tool, ['split', mainWasm, profilePath, join(work, 'main.wasm'), join(work, 'lazy.wasm'), slots]);
    const replaceHash = (file, write) => {
      const before = sri(readFileSync(file));
      write();
      const after = sri(readFileSync(file));
      if (page.includes(before)) page = page.replace(before, after);
    };
    replaceHash(mainWasm, () => run('wasm-opt', [...optimise, join(work, 'main.wasm'), `--output=${mainWasm}`]));
    const lazyOut = join(work, 'lazy.opt.wasm');
    run('wasm-opt', [...optimise, join(work, 'lazy.wasm'), `--output=${lazyOut}`]);
    const lazyFile = `lazy.${hash(readFileSync(lazyOut))}.wasm`;
    cpSync(lazyOut, join(staging, lazyFile));

    // 3. The chunks check their calls; each is named anew for its content.
    let loader = readFileSync(loaderPath, 'utf8');
    for (const file of readdirSync(staging)) {
      const m = file.match(CHUNK);
      if (!m) continue;
      const guarded = join(work, `guarded-${file}`);
      run(tool, ['guard', join(staging, file), guarded, slots]);
      const optimised = join(work, `opt-${file}`);
      run('wasm-opt', [...optimise, guarded, `--output=${optimised}`]);
      const renamed = `${m[1]}${hash(readFileSync(optimised))}.wasm`;
      if (!loader.includes(`"./${file}"`)) throw new Error(`lazy-split: __wasm_split.js does not ask for ${file}`);
      loader = loader.replaceAll(`"./${file}"`, `"./${renamed}"`);
      rmSync(join(staging, file));
      renameSync(optimised, join(staging, renamed));
    }
    // A callback the loader calls through the table may be moved code too.
    const CALLBACK = '.__indirect_function_table.get(';
    if (loader.split(CALLBACK).length !== 2) throw new Error('lazy-split: __wasm_split.js does not call its callback through the table as expected');
    loader = loader.replace(/__wasm_split\.__indirect_function_table\.get\(([\w$]+)\)/, (_, slot) => `__wasm_split.__indirect_function_table.get(globalThis.__dealformCheck(${slot}))`);
    replaceHash(loaderPath, () => writeFileSync(loaderPath, loader));

    // 4. The glue loads the lazy module.
    const glue = withLazyImports(readFileSync(gluePath, 'utf8'), loaderCode(lazyFile))
      .replace('wasm = instance.exports;', 'wasm = instance.exports;\n    globalThis.__dealformCheck = wasm.lazy_check;\n    if (lazyModule) lazyStart(lazyModule);');
    if (!glue.includes('globalThis.__dealformCheck = wasm.lazy_check')) throw new Error('lazy-split: the glue does not keep its instance as expected');
    replaceHash(gluePath, () => writeFileSync(gluePath, glue));
    console.error(`lazy-split: ${hot.length} functions ran in the profile; the rest is in ${lazyFile}`);
    return page;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

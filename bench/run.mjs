// `make bench`: dealform against react-admin 5, both release builds served from 127.0.0.1, both
// talking to the same fake CRM (Stardex dialect), driven in the same headless Chromium,
// alternating A B A B; and against a page with no framework that fetches the same 25 deals and
// writes a table, this machine's floor for a cold load. Writes bench/results.md and
// bench/results.json.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launch, serveDist, startFakeCrm } from '../tests/e2e/harness.mjs';
import { focusPlainInput, median, typeForty } from './typing-probe.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 7);
const here = import.meta.dirname;
const DEALFORM = resolve(here, '../dist');
const REACT_ADMIN = resolve(here, 'react-admin/dist');

const gzip = (b) => gzipSync(b, { level: 9 }).length;
const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Raw, gzip and brotli bytes of `bodies` together. */
const sizes = (bodies) => ({
  raw: bodies.reduce((t, b) => t + b.length, 0),
  gzip: bodies.reduce((t, b) => t + gzip(b), 0),
  brotli: bodies.reduce((t, b) => t + brotli(b), 0),
});

/** Bytes of an app's code: its wasm, js and css files. */
function codeBytes(dir) {
  const files = readdirSync(dir).filter((f) => /\.(wasm|js|css)$/.test(f));
  // dealform's page loads the app, not the widget loader.
  const loaded = files.filter((f) => f !== 'dealform.js');
  return { files: loaded, ...sizes(loaded.map((f) => readFileSync(join(dir, f)))) };
}

/** The bodies among `fetched` that the page asked for before `shownAt` (its clock, ms since
 *  navigation start), by the start times Resource Timing gives each address: a request made once
 *  the list has shown (dealform's rest of code, fetched after its first view is painted) is not
 *  part of the first load. Where an address has no entry (the page itself), its answer's
 *  arrival stands in, as node saw it (`started`: node's clock at navigation). */
async function askedBefore(page, fetched, shownAt, started) {
  const starts = await page.evaluate(() => {
    const first = {};
    for (const e of performance.getEntriesByType('resource')) first[e.name] = Math.min(first[e.name] ?? Infinity, e.startTime);
    return first;
  });
  return fetched.filter((f) => (f.url in starts ? starts[f.url] <= shownAt : f.at - started <= shownAt + 50)).map((f) => f.body);
}

/** Every response `page` receives from now on, with its body and when it had arrived. */
function recordResponses(page) {
  const fetched = [];
  page.on('response', async (r) => {
    try {
      fetched.push({ url: r.url(), at: Date.now(), body: await r.body() });
    } catch {}
  });
  return fetched;
}

/** Runs in every page before its scripts: marks when `wanted` rows are in the DOM, and keeps
 *  hold of wasm memories so their size can be read. */
function probe(wanted) {
  window.__rowsAt = null;
  window.__wasm = [];
  const seen = () => document.querySelectorAll('tbody tr').length >= wanted;
  new MutationObserver((_, obs) => {
    if (window.__rowsAt === null && seen()) {
      window.__rowsAt = performance.now();
      performance.mark('rows-painted');
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      const result = await original.apply(WebAssembly, args);
      const exports = (result.instance ?? result).exports;
      for (const v of Object.values(exports)) if (v instanceof WebAssembly.Memory) window.__wasm.push(v);
      return result;
    };
  }
}

/** Bytes fetched before the list shows with no configuration at all: the local backend, empty. */
async function measureZeroConfig(browser, url) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  // When the empty list's words are in the DOM, on the page's clock.
  await page.addInitScript(() => {
    window.__shownAt = null;
    new MutationObserver((_, obs) => {
      if (document.body?.textContent.includes('No deals yet')) {
        window.__shownAt = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  const fetched = recordResponses(page);
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.__shownAt !== null, null, { timeout: 60_000 });
  await page.waitForTimeout(500);
  const bodies = await askedBefore(page, fetched, await page.evaluate(() => window.__shownAt), started);
  await context.close();
  return sizes(bodies).brotli;
}

async function measure(browser, app) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.addInitScript(probe, 25);
  const fetched = recordResponses(page);
  const started = Date.now();
  await page.goto(app.url);
  await page.waitForFunction(() => window.__rowsAt !== null, null, { timeout: 60_000 });
  const rowsAt = await page.evaluate(() => window.__rowsAt);
  // Answers still on their way at the mark are waited for, and counted if asked before it.
  await page.waitForTimeout(500);
  const firstLoad = await askedBefore(page, fetched, rowsAt, started);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const wasm = await page.evaluate(() => window.__wasm.reduce((t, m) => t + m.buffer.byteLength, 0));

  // Typing 40 characters into the name field: keydown to the frame after the input was handled.
  await app.openForm(page);
  const name = page.getByLabel('Name', { exact: false }).first();
  await name.click();
  const typing = await typeForty(page);
  await context.close();
  return {
    bytes: sizes(firstLoad),
    rowsMs: rowsAt,
    ...typing,
    memoryBytes: heap + wasm,
  };
}

/** A page with no framework: a few lines of JavaScript that fetch the first 25 deals from the
 *  fake Stardex, as dealform's first request does, and write them into a table. */
const plainTablePage = (api) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Deals</title></head>
<body><table><thead><tr><th>Name</th><th>Amount</th><th>Close date</th></tr></thead><tbody></tbody></table>
<script type="module">
const reply = await fetch(${JSON.stringify(`${api}/v1/deals/search`)}, {
  method: 'POST', headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' },
  body: JSON.stringify({ offset: 0, limit: 25 }),
});
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
document.querySelector('tbody').append(...(await reply.json()).data.map((deal) => {
  const row = document.createElement('tr');
  for (const text of [deal.name, deal.amount == null ? '' : money.format(deal.amount), deal.closed_date ?? '']) row.insertCell().textContent = text;
  return row;
}));
</script></body></html>`;

/** Cold load of the page with no framework to its 25 rows, on the page's clock. */
async function measurePlainTable(browser, url) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.addInitScript(probe, 25);
  await page.goto(url);
  await page.waitForFunction(() => window.__rowsAt !== null, null, { timeout: 60_000 });
  const rowsAt = await page.evaluate(() => window.__rowsAt);
  await context.close();
  return rowsAt;
}

/** The same typing into a plain `<input>` on a page with no app: how many key events this
 *  machine presents late on its own (the typing counterpart of `measureFloor`). */
async function measureTypingFloor(browser) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await focusPlainInput(page);
  const typing = await typeForty(page);
  await context.close();
  return typing;
}

/** Runs in every page before its scripts: `window.__scroller()` finds the element that scrolls
 *  the list, the app's own region or the page itself. */
function installScroller() {
  window.__scroller = () => {
    const candidates = [...document.querySelectorAll('*')].filter((el) => /(auto|scroll)/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 10);
    return candidates.sort((a, b) => b.scrollHeight - a.scrollHeight)[0] ?? document.scrollingElement;
  };
}

/** `promise`, or a "timed out" rejection after `ms`: a page that stops answering must not
 *  stop the benchmark. */
function within(promise, ms) {
  let timer;
  const timeout = new Promise((_, fail) => { timer = setTimeout(() => fail(new Error(`timed out after ${ms} ms`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The 10,000-deal list: time to its first rows, then a fast scroll to the last deal (one
 *  `step` of pixels a frame, waiting where the app is still fetching) while counting DOM nodes
 *  and rows mounted and timing every frame; then memory with all 10,000 deals fetched. */
async function measureLong(browser, app) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  // A screenful: the scrolling list mounts only what the view shows (about 20 rows here).
  await page.addInitScript(probe, 15);
  await page.addInitScript(installScroller);
  await page.goto(app.longUrl);
  await page.waitForFunction(() => window.__rowsAt !== null, null, { timeout: 60_000 });
  const firstPaint = await page.evaluate(() => window.__rowsAt);
  let crashed = false;
  page.on('crash', () => { crashed = true; });
  const scrolled = page.evaluate(async ({ last, step, limitMs }) => {
    const el = window.__scroller();
    const frames = [];
    const lafs = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) lafs.push(e.duration); }).observe({ type: 'long-animation-frame' });
    let nodes = 0, rows = 0, prev = performance.now();
    const started = prev;
    const done = () => [...document.querySelectorAll('tbody td')].some((td) => td.textContent.trim() === last);
    let reachedEnd = true;
    while (!done()) {
      if (performance.now() - started > limitMs) { reachedEnd = false; break; }
      el.scrollTop = Math.min(el.scrollTop + step, el.scrollHeight);
      await new Promise((ok) => requestAnimationFrame(ok));
      const now = performance.now();
      frames.push(now - prev);
      prev = now;
      nodes = Math.max(nodes, document.getElementsByTagName('*').length);
      rows = Math.max(rows, document.querySelectorAll('tbody tr').length);
    }
    await new Promise((ok) => setTimeout(ok, 300));
    return { reachedEnd, scrollMs: performance.now() - started, longestFrameMs: Math.max(...frames), framesOver16: frames.filter((f) => f > 17).length, frames: frames.length, longestLoafMs: lafs.length ? Math.max(...lafs) : 0, loafs: lafs.length, maxNodes: nodes, maxRows: rows };
  }, { last: app.lastDeal, step: SCROLL.step, limitMs: 60_000 });
  // react-admin's renderer has been seen to run out of memory on the way down, and to stop
  // answering without crashing: both end the run as "did not reach the end".
  const outcome = await within(scrolled, 120_000).catch((e) => {
    if (crashed || /closed|crash|timed out/i.test(e.message)) return null;
    throw e;
  });
  const result = outcome;
  if (result === null) {
    await within(context.close(), 30_000).catch(() => {});
    return { firstPaintMs: firstPaint, crashed: true, reachedEnd: false, memoryBytes: NaN };
  }
  // Every deal fetched on the way down (both apps keep what they fetched): memory now.
  const memory = await within((async () => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    return heap + (await page.evaluate(() => window.__wasm.reduce((t, m) => t + m.buffer.byteLength, 0)));
  })(), 60_000).catch(() => NaN);
  await within(context.close(), 30_000).catch(() => {});
  return { firstPaintMs: firstPaint, crashed: false, ...result, memoryBytes: memory };
}

/** The same fast scroll (`step` px a frame, `frames` frames) over a page with no app at all: one
 *  tall striped block in a scroller of the list's size. What this machine's Chromium misses on
 *  its own at that speed (software raster on two cores), so a missed frame can be told apart
 *  from a frame the app made late. */
async function measureFloor(browser, { step, frames }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent('<div id="s" style="height:70vh;overflow:auto"><div style="height:400000px;background:repeating-linear-gradient(#fff 0 39px,#ddd 39px 40px)"></div></div>');
  const result = await page.evaluate(async ({ step, frames }) => {
    const el = document.getElementById('s');
    await new Promise((ok) => requestAnimationFrame(ok));
    const deltas = [];
    let prev = performance.now();
    for (let i = 0; i < frames; i++) {
      el.scrollTop = el.scrollTop + step;
      await new Promise((ok) => requestAnimationFrame(ok));
      const now = performance.now();
      deltas.push(now - prev);
      prev = now;
    }
    return { longestFrameMs: Math.max(...deltas), framesOver16: deltas.filter((f) => f > 17).length, frames: deltas.length };
  }, { step, frames });
  await context.close();
  return result;
}

/** The main thread's work in each frame while the app scrolls its list (`step` px a frame), from
 *  a Chrome trace: what the app and Chromium's layout and paint of it cost, apart from how late
 *  the compositor and raster threads, which share the two cores, put the frame on screen. */
async function measureMainThread(browser, app, { step, frames }) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.addInitScript(installScroller);
  await page.goto(app.longUrl);
  await page.waitForFunction(() => document.querySelectorAll('tbody tr').length >= 15, null, { timeout: 60_000 });
  return traceFrames(page, context, async () => page.evaluate(async ({ step, frames }) => {
    const el = window.__scroller();
    for (let i = 0; i < frames; i++) {
      el.scrollTop = el.scrollTop + step;
      await new Promise((ok) => requestAnimationFrame(ok));
    }
  }, { step, frames }));
}

/** Traces `scroll` on `page` (then closes `context`): the main thread's work in each frame, and
 *  how many of V8's major garbage collections (whose last step stops the main thread) it held. */
async function traceFrames(page, context, scroll) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories: 'toplevel,cc,benchmark,v8', transferMode: 'ReportEvents' });
  await scroll();
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  // The renderer's main thread: the thread with the most BeginMainFrame events.
  const frameStarts = events.filter((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ph === 'X');
  const byThread = new Map();
  for (const e of frameStarts) byThread.set(`${e.pid}:${e.tid}`, (byThread.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...byThread].sort((a, b) => b[1] - a[1])[0]?.[0];
  const on = (e) => `${e.pid}:${e.tid}` === main;
  const starts = frameStarts.filter(on).map((e) => e.ts).sort((a, b) => a - b);
  const tasks = events.filter((e) => on(e) && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask');
  // Each frame, from its start to the next frame's: the main thread's busy time on the clock
  // (everything it did for the frame), and the same in its own time (each task's `tdur`, shared
  // out by how much of the task fell in the frame): what it ran, without the time it waited,
  // whether for a core (on two cores the OS runs the compositor, the raster workers or the
  // browser process in the middle of a task) or for another thread (a commit, V8's helpers). The
  // second tells the page's work from the waiting; it judges no budget, as a wait can be the
  // page's doing too.
  const busy = [];
  const cpu = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    const [a, b] = [starts[i], starts[i + 1]];
    let [wall, own] = [0, 0];
    for (const t of tasks) {
      const overlap = Math.max(0, Math.min(t.ts + t.dur, b) - Math.max(t.ts, a));
      if (overlap > 0) {
        wall += overlap;
        own += ((t.tdur ?? t.dur) * overlap) / t.dur;
      }
    }
    busy.push(wall / 1000);
    cpu.push(own / 1000);
  }
  /** Median, 99th percentile, longest and count over 16 ms of per-frame times. */
  const stats = (xs) => {
    xs.sort((x, y) => x - y);
    return { median: median(xs), p99: xs[Math.floor(xs.length * 0.99)] ?? NaN, longest: xs.at(-1) ?? NaN, over16: xs.filter((x) => x > 16).length };
  };
  const [w, c] = [stats(busy), stats(cpu)];
  const majorGCs = events.filter((e) => on(e) && e.ph === 'X' && e.name === 'MajorGC').length;
  return {
    frames: busy.length, medianMs: w.median, p99Ms: w.p99, longestMs: w.longest, over16: w.over16, majorGCs,
    cpuMedianMs: c.median, cpuP99Ms: c.p99, cpuLongestMs: c.longest, cpuOver16: c.over16,
    // Tasks whose trace event had no thread time: counted as wall time above.
    noThreadTime: tasks.filter((t) => t.tdur === undefined).length,
  };
}

/** The same traced scroll over a plain table with the app's stylesheet, whose rows a few lines
 *  of JavaScript recycle as dealform's list does (the row that scrolls out moves to the end and
 *  takes the next deal's text, so the rows stay in reading order), with no app, no fetching and
 *  no wasm: what Chromium itself costs to scroll such a list on this machine. */
async function measureRecycleFloor(browser, { step, frames }) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const css = readFileSync(join(DEALFORM, 'dealform.css'), 'utf8');
  const spacer = (id) => `<tbody><tr class="df-spacer" aria-hidden="true"><td colspan="5" id="${id}" style="height:0"></td></tr></tbody>`;
  await page.setContent(`<style>${css}</style><div class="dealform"><div class="df-scroll" tabindex="0"><table class="df-table">
    <thead><tr><th>Name</th><th>Amount</th><th>Stage</th><th>Close date</th><th>Owner</th></tr></thead>
    ${spacer('above')}<tbody id="rows"></tbody>${spacer('below')}</table></div></div>`);
  await page.evaluate(() => {
    const rows = document.getElementById('rows');
    for (let i = 0; i < 32; i++) {
      const tr = rows.insertRow();
      for (let c = 0; c < 5; c++) tr.insertCell().append(c === 0 ? Object.assign(document.createElement('button'), { className: 'df-link' }) : '');
      tr.cells[0].firstChild.append('');
      tr.cells[1].className = 'df-num';
    }
    document.getElementById('below').style.height = `${10000 * 40}px`;
  });
  return traceFrames(page, context, async () => page.evaluate(async ({ step, frames }) => {
    const el = document.querySelector('.df-scroll');
    const rows = document.getElementById('rows');
    const [above, below] = [document.getElementById('above'), document.getElementById('below')];
    const stages = ['Proposal', 'Negotiation', 'Won', 'Lost'];
    const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
    const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });
    let first = 0;
    for (let i = 0; i < frames; i++) {
      el.scrollTop = el.scrollTop + step;
      const want = Math.max(0, Math.floor(el.scrollTop / 40) - 8);
      for (; first < want; first++) {
        const tr = rows.firstElementChild;
        const n = first + 32;
        rows.append(tr);
        tr.setAttribute('aria-rowindex', n + 2);
        tr.cells[0].firstChild.firstChild.data = `Seed deal ${n + 1}`;
        tr.cells[1].firstChild.data = money.format((n * 7919) % 250000);
        tr.cells[2].firstChild.data = stages[n % 4];
        tr.cells[3].firstChild.data = date.format(Date.UTC(2026, n % 12, (n % 28) + 1));
        tr.cells[4].firstChild.data = `Owner ${n % 17}`;
      }
      above.style.height = `${first * 40}px`;
      below.style.height = `${(10000 - first - 32) * 40}px`;
      await new Promise((ok) => requestAnimationFrame(ok));
    }
  }, { step, frames }));
}

const crm = await startFakeCrm();
await fetch(`${crm.url}/__control/stardex/reset`, { method: 'POST', body: JSON.stringify({ seed: 10000 }) });
const dealformServer = await serveDist(DEALFORM, { subpath: false });
dealformServer.config = JSON.stringify({ provider: 'stardex', base_url: `${crm.url}/stardex`, credentials: { token: 'test-token' }, page_size: 25 });
const dealformScroll = await serveDist(DEALFORM, { subpath: false });
dealformScroll.config = JSON.stringify({ provider: 'stardex', base_url: `${crm.url}/stardex`, credentials: { token: 'test-token' }, list: 'scroll' });
const dealformZero = await serveDist(DEALFORM, { subpath: false });
const raServer = await serveDist(REACT_ADMIN, { subpath: false });
const plainServer = await serveDist(DEALFORM, { subpath: false });
plainServer.page('/plain-table.html', plainTablePage(`${crm.url}/stardex`));
const apps = {
  dealform: {
    url: dealformServer.url,
    openForm: async (page) => { await page.getByRole('button', { name: 'New deal' }).click(); },
    longUrl: dealformScroll.url,
    // Stardex's own order (by creation).
    lastDeal: 'Seed deal 10000',
  },
  'react-admin': {
    url: `${raServer.url}?api=${encodeURIComponent(`${crm.url}/stardex`)}#/deals/create`.replace('#/deals/create', '#/deals'),
    openForm: async (page) => { await page.evaluate(() => { location.hash = '#/deals/create'; }); },
    longUrl: `${raServer.url}?api=${encodeURIComponent(`${crm.url}/stardex`)}&list=infinite#/deals`,
    // Sorted by name, as react-admin's list asks.
    lastDeal: 'Seed deal 9999',
  },
};

const browser = await launch();
const samples = { dealform: [], 'react-admin': [] };
// 1,000 px a frame (60,000 px/s): a hard fling, every frame shows rows it has not shown before.
const SCROLL = { step: 1000, frames: 400 };
// 200 px a frame: still fast, but slower than a screen a frame, so the list fetches ahead and
// every row that scrolls in is drawn with its deal (at 1,000 px rows pass as "Loading…" notes).
const READ = { step: 200, frames: 400 };
const mainThread = [];
const mainThreadRead = [];
const recycleFloor = [];
const floor = [];
const typingFloor = [];
const zeroConfig = [];
const plainTable = [];
for (let i = 0; i < RUNS; i++) {
  for (const name of i % 2 ? ['react-admin', 'dealform'] : ['dealform', 'react-admin']) {
    process.stderr.write(`run ${i + 1}: ${name}, first page…`);
    const short = await measure(browser, apps[name]);
    process.stderr.write(' 10,000 deals…');
    samples[name].push({ ...short, long: await measureLong(browser, apps[name]) });
    process.stderr.write(' done\n');
  }
  // The app's own share of each frame, and what a page with no app drops at the same speed.
  process.stderr.write(`run ${i + 1}: dealform main thread, traced… static page…`);
  mainThread.push(await measureMainThread(browser, apps.dealform, SCROLL));
  mainThreadRead.push(await measureMainThread(browser, apps.dealform, READ));
  recycleFloor.push(await measureRecycleFloor(browser, READ));
  floor.push(await measureFloor(browser, SCROLL));
  typingFloor.push(await measureTypingFloor(browser));
  zeroConfig.push(await measureZeroConfig(browser, dealformZero.url));
  plainTable.push(await measurePlainTable(browser, `${plainServer.url}plain-table.html`));
  process.stderr.write(' done\n');
}
process.stderr.write('\n');
await browser.close();
await dealformServer.close();
await dealformScroll.close();
await dealformZero.close();
await raServer.close();
await plainServer.close();
crm.stop();

/** The median of each of `typeForty`'s figures over `runs`, and how many runs had a key event
 *  over 16 ms. */
const typingSummary = (runs) => ({
  ...Object.fromEntries(['typingMedianMs', 'typingWorstMs', 'slowKeyEvents', 'keyEventsOver16', 'slowestKeyEventMs', 'longestKeyHandlingMs'].map((k) => [k, median(runs.map((r) => r[k]))])),
  runsWithKeyEventOver16: runs.filter((r) => r.slowestKeyEventMs > 16).length,
});
const summary = {};
for (const [name, runs] of Object.entries(samples)) {
  summary[name] = {
    code: codeBytes(name === 'dealform' ? DEALFORM : REACT_ADMIN),
    firstLoadBytes: { raw: median(runs.map((r) => r.bytes.raw)), gzip: median(runs.map((r) => r.bytes.gzip)), brotli: median(runs.map((r) => r.bytes.brotli)) },
    coldLoadTo25RowsMs: median(runs.map((r) => r.rowsMs)),
    ...typingSummary(runs),
    memoryBytes: median(runs.map((r) => r.memoryBytes)),
    long: Object.fromEntries([['reachedEnd', runs.filter((x) => x.long.reachedEnd).length], ['crashed', runs.filter((x) => x.long.crashed).length],
      ...['firstPaintMs', 'scrollMs', 'longestFrameMs', 'framesOver16', 'frames', 'longestLoafMs', 'loafs', 'maxNodes', 'maxRows', 'memoryBytes'].map((k) => [k, median(runs.map((x) => x.long[k]))])]),
  };
}
const TRACED = ['medianMs', 'p99Ms', 'longestMs', 'over16', 'frames', 'majorGCs', 'cpuMedianMs', 'cpuP99Ms', 'cpuLongestMs', 'cpuOver16', 'noThreadTime'];
summary.dealformMainThread = Object.fromEntries(TRACED.map((k) => [k, median(mainThread.map((x) => x[k]))]));
summary.dealformMainThreadRead = Object.fromEntries(TRACED.map((k) => [k, median(mainThreadRead.map((x) => x[k]))]));
summary.recycleFloor = Object.fromEntries(TRACED.map((k) => [k, median(recycleFloor.map((x) => x[k]))]));
summary.staticPage = Object.fromEntries(['longestFrameMs', 'framesOver16', 'frames'].map((k) => [k, median(floor.map((x) => x[k]))]));
summary.plainInput = typingSummary(typingFloor);
summary.dealformZeroConfigBrotli = median(zeroConfig);
summary.plainTable = { coldLoadTo25RowsMs: median(plainTable) };
const d = summary.dealform;
const tf = summary.plainInput;
const mt = summary.dealformMainThread;
const mtr = summary.dealformMainThreadRead;
const rf = summary.recycleFloor;
const fl = summary.staticPage;
const r = summary['react-admin'];
const ratio = (a, b) => (b ? a / b : NaN);
/** A traced scroll's CPU time per frame, as the table shows it. */
const cpuCell = (t) => `${ms(t.cpuMedianMs)} / ${ms(t.cpuP99Ms)} / ${ms(t.cpuLongestMs)}, ${t.cpuOver16} of ${t.frames}`;
/** How many of `runs` had a frame over 16 ms by `key`. */
const runsOver16 = (runs, key) => runs.filter((x) => x[key] > 0).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : "n/a");
const mb = (n) => (Number.isFinite(n) ? `${(n / 1024 / 1024).toFixed(1)} MiB` : 'n/a (crashed)');
const rows = [
  // All of the code, dealform's form chunk (fetched when a form opens) included; the budget is on
  // the first load, below.
  ['All code (wasm+js+css), brotli', kb(d.code.brotli), kb(r.code.brotli), ratio(d.code.brotli, r.code.brotli), '', null],
  ['First load before the list shows, raw', kb(d.firstLoadBytes.raw), kb(r.firstLoadBytes.raw), ratio(d.firstLoadBytes.raw, r.firstLoadBytes.raw), '', null],
  ['First load before the list shows, gzip', kb(d.firstLoadBytes.gzip), kb(r.firstLoadBytes.gzip), ratio(d.firstLoadBytes.gzip, r.firstLoadBytes.gzip), '', null],
  ['First load before the list shows, brotli', kb(d.firstLoadBytes.brotli), kb(r.firstLoadBytes.brotli), ratio(d.firstLoadBytes.brotli, r.firstLoadBytes.brotli), '≤ 110 KiB', d.firstLoadBytes.brotli <= 110 * 1024],
  ['Same, with no configuration (the local backend, empty)', kb(summary.dealformZeroConfigBrotli), '', '', '≤ 100 KiB', summary.dealformZeroConfigBrotli <= 100 * 1024],
  ['Cold load to 25 deals in the DOM', ms(d.coldLoadTo25RowsMs), ms(r.coldLoadTo25RowsMs), ratio(d.coldLoadTo25RowsMs, r.coldLoadTo25RowsMs), '≤ 0.5×', ratio(d.coldLoadTo25RowsMs, r.coldLoadTo25RowsMs) <= 0.5],
  ['Typing 40 characters: median keydown → frame (rAF probe)', ms(d.typingMedianMs), ms(r.typingMedianMs), ratio(d.typingMedianMs, r.typingMedianMs), '', null],
  ['Typing 40 characters: worst keydown → frame (rAF probe, includes the wait for the frame)', ms(d.typingWorstMs), ms(r.typingWorstMs), ratio(d.typingWorstMs, r.typingWorstMs), '', null],
  ['Typing 40 characters: key events of 16 ms or more (Event Timing), count / slowest', `${d.slowKeyEvents} / ${ms(d.slowestKeyEventMs)}`, `${r.slowKeyEvents} / ${ms(r.slowestKeyEventMs)}`, NaN, '', null],
  ['Typing 40 characters: runs with a key event over 16 ms (Event Timing)', `${d.runsWithKeyEventOver16} of ${RUNS}`, `${r.runsWithKeyEventOver16} of ${RUNS}`, NaN, '', null],
  ['Typing 40 characters: key events over 16 ms in a run (Event Timing)', `${d.keyEventsOver16}`, `${r.keyEventsOver16}`, NaN, '', null],
  ['Same typing into a plain input on a page with no app (this machine\'s floor): runs with a key event over 16 ms, key events over 16 ms in a run, slowest', `${tf.runsWithKeyEventOver16} of ${RUNS}, ${tf.keyEventsOver16}, ${ms(tf.slowestKeyEventMs)}`, '', NaN, '', null],
  ['Typing 40 characters: longest handling of a key or input event, its handlers only (Event Timing processing)', ms(d.longestKeyHandlingMs), ms(r.longestKeyHandlingMs), ratio(d.longestKeyHandlingMs, r.longestKeyHandlingMs), '', null],
  ['JS heap + wasm memory with the first page of deals', mb(d.memoryBytes), mb(r.memoryBytes), ratio(d.memoryBytes, r.memoryBytes), '', null],
  ['10,000 deals: first paint of the list', ms(d.long.firstPaintMs), ms(r.long.firstPaintMs), ratio(d.long.firstPaintMs, r.long.firstPaintMs), '≤ 0.5×', ratio(d.long.firstPaintMs, r.long.firstPaintMs) <= 0.5],
  ['10,000 deals: most table rows / DOM elements at once while scrolling to the end', `${d.long.maxRows} / ${d.long.maxNodes}`, `${r.long.maxRows} / ${r.long.maxNodes}`, ratio(d.long.maxNodes, r.long.maxNodes), '≤ about 100 rows', d.long.maxRows <= 110],
  ['10,000 deals: longest frame while scrolling to the end (rAF delta)', ms(d.long.longestFrameMs), ms(r.long.longestFrameMs), ratio(d.long.longestFrameMs, r.long.longestFrameMs), '', null],
  ['10,000 deals: long animation frames (> 50 ms, Chrome LoAF) while scrolling, count / longest', `${d.long.loafs} / ${ms(d.long.longestLoafMs)}`, `${r.long.loafs} / ${ms(r.long.longestLoafMs)}`, NaN, '', null],
  ['10,000 deals: frames over 17 ms / frames, scrolling to the end', `${d.long.framesOver16} / ${d.long.frames}`, `${r.long.framesOver16} / ${r.long.frames}`, NaN, '', null],
  ['Same scroll over a static page with no app (this machine\'s floor): frames over 17 ms / frames, longest', `${fl.framesOver16} / ${fl.frames}, ${ms(fl.longestFrameMs)}`, '', NaN, '', null],
  ['10,000 deals: main-thread work per frame while scrolling (Chrome trace): median / p99 / longest, frames over 16 ms', `${ms(mt.medianMs)} / ${ms(mt.p99Ms)} / ${ms(mt.longestMs)}, ${mt.over16} of ${mt.frames}`, 'not traced', NaN, '', null],
  ['10,000 deals: the same at 200 px a frame, rows fetched ahead and drawn with their deals: median / p99 / longest, frames over 16 ms', `${ms(mtr.medianMs)} / ${ms(mtr.p99Ms)} / ${ms(mtr.longestMs)}, ${mtr.over16} of ${mtr.frames}`, 'not traced', NaN, '', null],
  ['10,000 deals at 200 px a frame: V8 major garbage collections during the scroll', `${mtr.majorGCs}`, 'not traced', NaN, '', null],
  ['10,000 deals: the main thread\'s own time per frame, at 1,000 px and at 200 px a frame (the same traces, in thread time: what it ran, not the time it waited for a core or another thread): median / p99 / longest, frames over 16 ms; runs with a frame over 16 ms, and on the clock', `${cpuCell(mt)}; ${cpuCell(mtr)}; ${runsOver16(mainThread.concat(mainThreadRead), 'cpuOver16')} of ${2 * RUNS}, on the clock ${runsOver16(mainThread.concat(mainThreadRead), 'over16')} of ${2 * RUNS}${mtr.noThreadTime ? ` (${mtr.noThreadTime} tasks without thread time, counted on the clock)` : ''}`, 'not traced', NaN, '', null],
  ['Same 200 px scroll over a plain table with the app\'s stylesheet, its rows recycled by a few lines of JavaScript as the app does, no app (Chromium\'s floor for such a list): median / p99 / longest, frames over 16 ms, major GCs; in thread time', `${ms(rf.medianMs)} / ${ms(rf.p99Ms)} / ${ms(rf.longestMs)}, ${rf.over16} of ${rf.frames}, ${rf.majorGCs}; ${cpuCell(rf)}`, '', NaN, '', null],
  ['10,000 deals: runs that reached the last deal / crashed (60 s limit)', `${d.long.reachedEnd} / ${d.long.crashed} of ${RUNS}`, `${r.long.reachedEnd} / ${r.long.crashed} of ${RUNS}`, NaN, '', null],
  ['10,000 deals: time scrolling (to the last deal, or to the limit or crash)', ms(d.long.scrollMs), ms(r.long.scrollMs), ratio(d.long.scrollMs, r.long.scrollMs), '', null],
  ['JS heap + wasm memory after scrolling: every deal fetched (or as many as the limit allowed)', mb(d.long.memoryBytes), mb(r.long.memoryBytes), ratio(d.long.memoryBytes, r.long.memoryBytes), '≤ 20 MB', d.long.memoryBytes <= 20e6],
];
const appScrollRuns = runsOver16(mainThreadRead, 'over16');
const floorScrollRuns = runsOver16(recycleFloor, 'over16');
const floorRows = [
  ['Cold load to 25 deals in the DOM', ms(d.coldLoadTo25RowsMs), ms(summary.plainTable.coldLoadTo25RowsMs), ratio(d.coldLoadTo25RowsMs, summary.plainTable.coldLoadTo25RowsMs), '', null],
  ['10,000 deals at 200 px a frame: runs with a frame over 16 ms', `${appScrollRuns} of ${RUNS}`, `${floorScrollRuns} of ${RUNS}`, NaN, 'the floor\'s + 1 at most', appScrollRuns <= floorScrollRuns + 1],
  ['Typing 40 characters: runs with a key event over 16 ms', `${d.runsWithKeyEventOver16} of ${RUNS}`, `${tf.runsWithKeyEventOver16} of ${RUNS}`, NaN, 'the floor\'s + 1 at most', d.runsWithKeyEventOver16 <= tf.runsWithKeyEventOver16 + 1],
];
const date = new Date().toISOString().slice(0, 10);
const machine = `${(await import('node:os')).cpus().length} cores, ${Math.round((await import('node:os')).totalmem() / 2 ** 30)} GiB, Chromium headless`;
const md = [
  `# dealform vs react-admin 5 (${date}, ${machine}, median of ${RUNS} alternating runs)`,
  '',
  '| figure | dealform | react-admin | ratio | budget | met |',
  '| --- | ---: | ---: | ---: | --- | --- |',
  ...rows.map(([f, a, b, q, budget, ok]) => `| ${f} | ${a} | ${b} | ${Number.isFinite(q) ? q.toFixed(2) + '×' : '—'} | ${budget} | ${ok === null ? '—' : ok ? 'yes' : '**no**'} |`),
  '',
  '| figure | dealform | the floor: the same with no app | ratio | budget | met |',
  '| --- | ---: | ---: | ---: | --- | --- |',
  ...floorRows.map(([f, a, b, q, budget, ok]) => `| ${f} | ${a} | ${b} | ${Number.isFinite(q) ? q.toFixed(2) + '×' : '—'} | ${budget} | ${ok === null ? '—' : ok ? 'yes' : '**no**'} |`),
  '',
  'The floor is this machine with no app, in the same runs: for the cold load, a page that fetches the same 25 deals',
  'from the same fake with a few lines of JavaScript and writes a table; for scrolling, the plain table with the',
  'app\'s stylesheet whose rows a few lines of JavaScript recycle (200 px a frame, Chrome trace, on the clock); for',
  'typing, a plain input. Frames are judged by runs with a frame (or key event) over 16 ms, against the floor\'s + 1.',
  '',
  'Both apps list deals from the same fake CRM (Stardex dialect, 10,000 deals, 25 a page). Absolute times are noisy on',
  'this machine; compare the ratios. The 10,000-deal figures use each app\'s long-list view: dealform\'s scrolling list',
  '(`"list": "scroll"`, 100 deals a request, only the rows in view mounted) and react-admin\'s `<InfiniteList>` (100 a',
  'request, appended as the end comes into view). Frames are timed with requestAnimationFrame; Chrome reports',
  'long-animation-frame entries only above 50 ms. A frame\'s rAF delta counts everything that made it late, the',
  'compositor and software raster sharing two cores with the page included: the static page with no app shows how',
  'many frames this machine misses at that speed on its own. The main-thread figure, from a Chrome trace of the same',
  'scroll, is the part the app is answerable for: its script and Chromium\'s style, layout and paint of its rows.',
  'Its thread-time row counts what the main thread ran in each frame, without the time it waited (for a core, which',
  'two cores share with the compositor, raster and browser threads, or for another thread): it tells work from waiting.',
  'At 1,000 px a frame the list fetches only where the scroll stops, so the rows it passes are "Loading…" notes;',
  'at 200 px a frame it fetches ahead and every row that scrolls in is drawn with its deal, the heavier case.',
  'Event Timing reports a key event\'s time from the key to the next frame on screen, in 8 ms steps and only from',
  '16 ms up; the typing on a plain input shows how often this machine puts that frame on screen late with no app.',
  '',
].join('\n');
writeFileSync(join(here, 'results.md'), md);
writeFileSync(join(here, 'results.json'), JSON.stringify({ date, machine, runs: RUNS, summary, samples, mainThread, mainThreadRead, recycleFloor, staticPage: floor, plainInput: typingFloor, plainTable }, null, 2) + '\n');
console.log(md);

// Shared set-up for the end-to-end tests: a static server for the release build, headless
// Chromium through playwright-core, and small waiting helpers (playwright-core ships no `expect`).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Serves `root` on 127.0.0.1 at a free port. `server.config` (a string) is served as
 *  /config.json when set, so each test chooses its configuration the way a static host would. */
export async function serveDist(root = process.env.DIST_DIR || resolve(import.meta.dirname, '../../dist'), { subpath = true } = {}) {
  const state = { config: null, pages: {}, proxies: [] };
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      // Test-made host pages, each with its own headers (a CSP, say).
      const page = state.pages[path];
      if (page) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(page.headers || {}) });
        return res.end(page.body);
      }
      // A same-origin proxy to a CRM that adds the credentials, as the README recommends.
      const proxy = state.proxies.find((p) => path.startsWith(p.prefix));
      if (proxy) return forward(req, res, proxy, path.slice(proxy.prefix.length) + (new URL(req.url, 'http://x').search));
      // The build is also served under a sub-path, as a static host might.
      if (subpath && path.startsWith('/tools/deals/')) path = path.slice('/tools/deals'.length);
      if (path.endsWith('/config.json') && state.config !== null) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(state.config);
      }
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    set config(text) { state.config = text; },
    /** Forwards `prefix…` to `target…`, adding `headers` (credentials stay on the server). */
    proxy(prefix, target, headers) { state.proxies.push({ prefix, target, headers }); },
    /** Serves `body` at `path` with extra response headers. */
    page(path, body, headers = {}) { state.pages[path] = { body, headers }; },
    close: () => new Promise((ok) => server.close(ok)),
  };
}

async function forward(req, res, proxy, rest) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const headers = { ...proxy.headers };
  if (req.headers['content-type']) headers['content-type'] = req.headers['content-type'];
  try {
    const r = await fetch(proxy.target + rest, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const out = {};
    for (const k of ['content-type', 'retry-after']) if (r.headers.get(k)) out[k] = r.headers.get(k);
    res.writeHead(r.status, out);
    res.end(Buffer.from(await r.arrayBuffer()));
  } catch (e) {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(String(e));
  }
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A fresh browser context (fresh storage) on the app. `problems` collects console errors,
 *  uncaught exceptions and any `alert()`: a test asserts it stays empty. `setup` runs on the
 *  page before it loads (to watch or cut its requests). */
export async function openApp(browser, url, { locale = 'en-US', init, setup } = {}) {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    // A missing config.json is the zero-configuration case, not a problem.
    if (m.type() === 'error' && !m.location().url.endsWith('/config.json')) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  if (init) await page.addInitScript(init.fn, init.arg);
  if (setup) await setup(page);
  await page.goto(url);
  return { context, page, problems };
}

/** The focused element, looking through shadow roots: its tag, text, role and label. */
export const focused = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a ? { tag: a.tagName, text: a.textContent.trim(), role: a.getAttribute('role'), label: a.labels?.[0]?.textContent.trim() ?? null } : null;
});

export const TIMEOUT = 15_000;

/** Waits until `fn` returns a truthy value, or fails with the last value seen. */
export async function until(fn, what, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try { last = await fn(); if (last) return last; } catch (e) { last = e; }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; last saw: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
}

/** Waits until the locator's text contains `text`. */
export async function hasText(locator, text) {
  return until(async () => (await locator.textContent({ timeout: 1000 }))?.includes(text), `text ${JSON.stringify(text)}`);
}

/** Waits until the locator is visible. */
export async function visible(locator) {
  await locator.waitFor({ state: 'visible', timeout: TIMEOUT });
}

/** axe's WCAG 2.2 AA findings on `page`, its script served by `server` (from serveDist). */
export async function axe(server, page) {
  const require = createRequire(import.meta.url);
  server.page('/axe.min.js', readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'), { 'content-type': 'text/javascript' });
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: '/axe.min.js' });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The table rows of the deal list, as arrays of cell texts. */
export async function rows(page) {
  const table = page.getByRole('table', { name: 'Deals' });
  await visible(table);
  return table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
}

/** Fills the deal form as a person would: by label. */
export async function fillDeal(page, deal) {
  const { name, amount, stage, closeDate, probability, owner, company, description } = deal;
  if (name !== undefined) await page.getByLabel('Name', { exact: true }).fill(name);
  if (amount !== undefined) await page.getByLabel('Amount', { exact: true }).fill(amount);
  if (stage !== undefined) await page.getByLabel('Stage', { exact: true }).selectOption({ label: stage });
  if (deal.pipeline !== undefined) await page.getByLabel('Pipeline', { exact: true }).selectOption({ label: deal.pipeline });
  if (closeDate !== undefined) await page.getByLabel('Close date', { exact: true }).fill(closeDate);
  if (probability !== undefined) await page.getByLabel('Win probability', { exact: true }).fill(probability);
  if (owner !== undefined) await page.getByLabel('Owner', { exact: true }).fill(owner);
  if (company !== undefined) await page.getByLabel('Company', { exact: true }).fill(company);
  if (description !== undefined) await page.getByLabel('Description', { exact: true }).fill(description);
}

/** Creates a deal through the UI and waits for it in the list. */
export async function createDeal(page, deal) {
  await page.getByRole('button', { name: 'New deal' }).click();
  await visible(page.getByRole('heading', { name: 'New deal' }));
  await fillDeal(page, deal);
  await page.getByRole('button', { name: 'Save' }).click();
  await hasText(page.getByRole('status').filter({ hasText: 'Created' }), `Created “${deal.name.trim()}”.`);
}

/** An init script that writes raw text under a localStorage key before the app starts. */
export function seedStorage(key, value) {
  return { fn: ([k, v]) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem(k, v); sessionStorage.setItem('seeded', '1'); } }, arg: [key, value] };
}

/** The app's registry of CRMs (src/providers/crms.json), which the app, the fake CRM and these
 *  tests all read: each CRM's `provider` name, and the credentials its contract fake accepts. */
export const CRMS = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../src/providers/crms.json'), 'utf8'));

/** The credentials the fake CRM takes from each vendor's clients, by `provider` name. */
export const CRM_CREDENTIALS = Object.fromEntries(CRMS.map((c) => [c.provider, c.credentials]));

/** `[provider, table[provider]]` for every CRM of the registry, in its order: a table of per-CRM
 *  test data that lacks a CRM fails here, naming it, rather than leaving the CRM untested. */
export function forEveryCrm(table, tableName) {
  return CRMS.map(({ provider }) => {
    if (!(provider in table)) throw new Error(`${tableName} has no entry for ${provider}, a CRM of src/providers/crms.json`);
    return [provider, table[provider]];
  });
}

/** Starts the fake CRM (all five vendors under one port) and returns its base URL and controls. */
export async function startFakeCrm(bin = process.env.FAKE_CRM || resolve(import.meta.dirname, '../../target/debug/fake-crm')) {
  const { spawn } = await import('node:child_process');
  const child = spawn(bin, ['--port', '0', '--seed', '23'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[\d.:]+)/);
      if (m) ok(m[1]);
    });
    child.on('exit', (code) => fail(new Error(`fake-crm exited with ${code}`)));
  });
  const control = async (vendor, action, body) => {
    const r = await fetch(`${url}/__control/${vendor}/${action}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
    return r.json();
  };
  return {
    url,
    /** Re-seeds `vendor` with the default deals, or with `seed` of them. */
    reset: (vendor, seed) => control(vendor, 'reset', seed === undefined ? {} : { seed }),
    fault: (vendor, fault) => control(vendor, 'fault', fault),
    requests: (vendor) => control(vendor, 'requests'),
    stop: () => child.kill(),
  };
}

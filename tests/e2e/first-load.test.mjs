// The first load (scripts/split-wasm.mjs, `warmable` and `pageScript`): the standalone page asks
// for config.json as it loads, and the chunks that configuration needs before the list shows are
// fetched alongside the main wasm, not after it; the app then takes both answers rather than asking
// again. A widget's chunks are fetched as it connects, from its own configuration. The rest of
// the code, which a first load does not run (the lazy module, scripts/lazy-split.mjs), is fetched
// once the list has shown.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hasText, launch, openApp, serveDist, startFakeCrm, until, visible } from './harness.mjs';

let server, browser, crm;
before(async () => { server = await serveDist(); browser = await launch(); crm = await startFakeCrm(); });
after(async () => { await browser?.close(); await server?.close(); crm?.stop(); });

const CHUNK = /\/((?:split|chunk)_[^/.]*)\.[0-9a-f]{12}\.wasm$/;

const WASM = /\/dealform-app_bg\.wasm$/;

/** Opens `url` (the page, with `config`: a string, or null for none) with the main wasm held
 *  back for `hold` ms, and counts every request for config.json and for each chunk. */
async function open(config, { url = server.url, hold = 0 } = {}) {
  server.config = config;
  const asked = {};
  const s = await openApp(browser, url, {
    setup: async (page) => {
      page.on('request', (r) => {
        const name = r.url().endsWith('/config.json') ? 'config.json' : r.url().match(CHUNK)?.[1];
        if (name) asked[name] = (asked[name] ?? 0) + 1;
      });
      if (hold) {
        await page.route(WASM, async (route) => {
          const response = await route.fetch();
          await new Promise((ok) => setTimeout(ok, hold));
          await route.fulfill({ response });
        });
      }
    },
  });
  return { ...s, asked };
}

/** The chunks the page fetched, each with whether its request went out before the main wasm had
 *  arrived, from the page's resource timing. */
const chunkFetches = (page) => page.evaluate(([chunk, wasm]) => {
  const all = performance.getEntriesByType('resource');
  const main = all.find((e) => new RegExp(wasm).test(e.name));
  return all.filter((e) => new RegExp(chunk).test(e.name))
    .map((e) => [e.name.match(new RegExp(chunk))[1], e.startTime < main.responseEnd]);
}, [CHUNK.source, WASM.source]);

/** Asserts that the page fetched the chunks of `splits` (and those they need), each once and
 *  before the main wasm had arrived, and config.json at most once. */
async function fetchedEarly(s, splits) {
  const fetched = await chunkFetches(s.page);
  assert.equal(fetched.map(([name]) => name).filter((n) => n.startsWith('split_')).sort().join(' '), splits);
  assert.deepEqual(fetched.filter(([, early]) => !early), [], 'every chunk asked for before the main wasm came, none after');
  assert.deepEqual(Object.entries(s.asked).filter(([, n]) => n !== 1), [], `one request each: ${JSON.stringify(s.asked)}`);
}

describe('the first load', () => {
  const stardex = () => ({ provider: 'stardex', base_url: `${crm.url}/stardex`, credentials: { token: 'test-token' }, page_size: 10 });
  const cases = [
    ['with no configuration', () => null, 'split_dealform_local', (page) => hasText(page.getByRole('status').filter({ hasText: 'No deals yet' }), 'No deals yet')],
    ['of a CRM', () => JSON.stringify(stardex()), 'split_dealform_crm_stardex', (page) => until(async () => (await page.getByRole('row').count()) === 11, 'ten deals')],
    ['of a CRM\'s scrolling list', () => JSON.stringify({ ...stardex(), list: 'scroll' }), 'split_dealform_crm_stardex split_dealform_scroll',
      (page) => visible(page.getByText('Seed deal 01', { exact: true }))],
    ['of a page that opens on the form', () => JSON.stringify({ mode: 'create' }), 'split_dealform_form split_dealform_local',
      (page) => visible(page.getByRole('heading', { name: 'New deal' }))],
  ];
  for (const [what, config, splits, shown] of cases) {
    test(`${what} asks for config.json and the chunks it needs alongside the main wasm, and for each only once`, async () => {
      await crm.reset('stardex');
      // The main wasm held back: chunks fetched only once it runs would go out after it came.
      const s = await open(config(), { hold: 500 });
      await shown(s.page);
      await fetchedEarly(s, splits);
      assert.equal(s.asked['config.json'], 1);
      await s.context.close();
      assert.deepEqual(s.problems, [], 'no console errors or exceptions');
    });
  }

  test('of a widget fetches the chunks its configuration needs as it connects, alongside the main wasm', async () => {
    await crm.reset('stardex');
    for (const [tag, splits, shown] of [
      ['<deal-form sample-data></deal-form>', 'split_dealform_local', (page) => until(async () => (await page.getByRole('row').count()) === 6, 'five sample deals')],
      [`<deal-form provider="stardex" base-url="${crm.url}/stardex" token="test-token" list="scroll"></deal-form>`, 'split_dealform_crm_stardex split_dealform_scroll',
        (page) => visible(page.getByText('Seed deal 01', { exact: true }))],
    ]) {
      server.page('/favicon.ico', '', { 'content-type': 'image/x-icon' });
      server.page('/host.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="/dealform.js"></script></head><body><h1>Host</h1>${tag}</body></html>`);
      const s = await open(null, { url: `${server.url}host.html`, hold: 500 });
      await shown(s.page);
      await fetchedEarly(s, splits);
      assert.equal(s.asked['config.json'], undefined, 'a host page\'s widget asks for no config.json');
      await s.context.close();
      assert.deepEqual(s.problems, [], 'no console errors or exceptions');
    }
  });

  test('whose request for config.json fails goes on with no configuration, as before, with no uncaught error', async () => {
    server.config = null;
    const s = await openApp(browser, server.url, { setup: (page) => page.route(/\/config\.json$/, (route) => route.abort()) });
    await hasText(s.page.getByRole('status').filter({ hasText: 'No deals yet' }), 'No deals yet');
    await s.context.close();
    assert.deepEqual(s.problems, [], 'no console errors (but the failed request\'s own) and no unhandled rejection');
  });

  // The page's script reads only which chunks to ask for; the app checks the configuration.
  test('with a configuration the app refuses says what is wrong, whatever the page asked for early', async () => {
    for (const [config, message] of [
      ['{"provider": "stardex", ', 'config.json is not valid JSON'],
      ['{"provider": "salesforce"}', 'config.json: “provider” “salesforce” is not a provider this build knows'],
      ['[1, 2]', 'config.json must hold a JSON object, not a list'],
    ]) {
      const s = await open(config);
      const panel = s.page.getByRole('alert').filter({ hasText: 'The configuration needs fixing' });
      await hasText(panel, message);
      assert.equal(s.asked['config.json'], 1, `${config}: config.json asked for once`);
      await s.context.close();
      assert.deepEqual(s.problems, [], `${config}: no console errors or exceptions`);
    }
  });
});

describe('the rest of the code (the lazy module)', () => {
  const LAZY = /\/lazy\.[0-9a-f]{12}\.wasm$/;
  const stardex = () => ({ provider: 'stardex', base_url: `${crm.url}/stardex`, credentials: { token: 'test-token' }, page_size: 10 });
  /** Marks, on the page's clock, when the first deal's cells are in the DOM. */
  const markRows = { fn: () => {
    window.__rowsAt = null;
    new MutationObserver((_, obs) => {
      if (document.querySelector('tbody tr td')) { window.__rowsAt = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  }, arg: null };
  /** Requests for the lazy module, by how they were made ('fetch' ahead of need, 'xhr' at need). */
  const lazyRequests = (page) => {
    const seen = [];
    page.on('request', (r) => { if (LAZY.test(r.url())) seen.push(r.resourceType()); });
    return seen;
  };

  test('is asked for once the list has shown, not before, and once; the user\'s actions then need no more', async () => {
    await crm.reset('stardex');
    server.config = JSON.stringify(stardex());
    let seen;
    const s = await openApp(browser, server.url, { init: markRows, setup: (page) => { seen = lazyRequests(page); } });
    await until(async () => (await s.page.getByRole('row').count()) === 11, 'ten deals');
    await until(() => seen.length === 1, 'the lazy module asked for');
    // Its Resource Timing entry, with the time it was asked for, is there once it has come.
    await until(() => s.page.evaluate(() => performance.getEntriesByType('resource').some((e) => /lazy\./.test(e.name) && e.responseEnd > 0)), 'the lazy module in');
    const [rowsAt, lazyAt] = await s.page.evaluate((lazy) => [window.__rowsAt,
      performance.getEntriesByType('resource').find((e) => new RegExp(lazy).test(e.name))?.startTime], LAZY.source);
    assert.ok(lazyAt > rowsAt, `asked for at ${lazyAt} ms, after the rows at ${rowsAt} ms`);
    // What only a user's actions run: sorting, the next page, a form, back.
    await s.page.getByRole('button', { name: 'Name' }).click();
    await s.page.getByRole('button', { name: 'Next page' }).click();
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await visible(s.page.getByRole('heading', { name: 'New deal' }));
    await s.page.getByRole('button', { name: 'Cancel' }).click();
    await visible(s.page.getByRole('heading', { name: 'Deals' }));
    assert.deepEqual(seen, ['fetch'], 'fetched once, ahead of need');
    await s.context.close();
    assert.deepEqual(s.problems, [], 'no console errors or exceptions');
  });

  test('is not needed to put in stage names that come after the deals', async () => {
    // Which comes first is a race; the profile behind the lazy module plays both orders.
    await crm.reset('stardex');
    server.config = JSON.stringify(stardex());
    const names = [];
    const ahead = [];
    let seen;
    const s = await openApp(browser, server.url, {
      setup: async (page) => {
        seen = lazyRequests(page);
        await page.route('**/stardex/v1/deal-statuses', (route) => names.push(route));
        await page.route(LAZY, (route) => (route.request().resourceType() === 'fetch' ? ahead.push(route) : route.continue()));
      },
    });
    await until(async () => (await s.page.getByRole('row').count()) === 11, 'ten deals');
    await until(() => names.length === 1 && ahead.length === 1, 'the stage names and the lazy module held back');
    assert.equal(await s.page.getByRole('cell', { name: 'Qualified', exact: true }).count(), 0, 'no stage names yet');
    await names[0].continue();
    await visible(s.page.getByRole('cell', { name: 'Qualified', exact: true }).first());
    assert.deepEqual(seen, ['fetch'], 'the lazy module not asked for at need');
    await ahead[0].continue();
    await s.page.unrouteAll({ behavior: 'ignoreErrors' });
    await s.context.close();
    assert.deepEqual(s.problems, [], 'no console errors or exceptions');
  });

  test('needed before it has come is fetched then, and the app goes on as usual', async () => {
    server.config = JSON.stringify({ sample_data: true });
    const held = [];
    let seen;
    const s = await openApp(browser, server.url, {
      setup: async (page) => {
        seen = lazyRequests(page);
        // The fetch ahead of need never comes; a request made at need does.
        await page.route(LAZY, (route) => (route.request().resourceType() === 'fetch' ? held.push(route) : route.continue()));
      },
    });
    await visible(s.page.getByRole('table', { name: 'Deals' }));
    await until(() => held.length === 1, 'the fetch ahead of need held back');
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await visible(s.page.getByRole('heading', { name: 'New deal' }));
    await s.page.getByLabel('Name', { exact: true }).fill('Opened before the rest came');
    await s.page.getByRole('button', { name: 'Save' }).click();
    await hasText(s.page.getByRole('status').filter({ hasText: 'Created' }), 'Created “Opened before the rest came”.');
    assert.deepEqual(seen, ['fetch', 'xhr'], 'asked for ahead of need, then at need');
    await s.page.unrouteAll({ behavior: 'ignoreErrors' });
    await s.context.close();
    assert.deepEqual(s.problems.filter((p) => !/Synchronous XMLHttpRequest/.test(p)), [], 'no console errors or exceptions');
  });

  test('that cannot be fetched is said, on the page and in a widget; once it can be, the app goes on', async () => {
    server.config = JSON.stringify({ sample_data: true });
    server.page('/favicon.ico', '', { 'content-type': 'image/x-icon' });
    server.page('/lazy-host.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="/dealform.js"></script></head><body><h1>Host</h1><deal-form sample-data></deal-form></body></html>`);
    for (const url of [server.url, `${server.url}lazy-host.html`]) {
      const s = await openApp(browser, url, { setup: (page) => page.route(LAZY, (route) => route.abort()) });
      await visible(s.page.getByRole('table', { name: 'Deals' }));
      await s.page.getByRole('button', { name: 'New deal' }).click();
      const fault = s.page.getByRole('alert').filter({ hasText: 'could not be fetched' });
      await hasText(fault, 'Part of the app could not be fetched. Check the connection, then retry; if that does not help, reload the page.');
      assert.equal(await s.page.getByRole('heading', { name: 'New deal' }).count(), 0, 'the form did not open');
      // The connection is back: the same click works, and the words go.
      await s.page.unroute(LAZY);
      await s.page.getByRole('button', { name: 'New deal' }).click();
      await visible(s.page.getByRole('heading', { name: 'New deal' }));
      assert.equal(await fault.count(), 0, 'the fault is no longer said');
      await s.context.close();
      for (const p of s.problems) assert.match(p, /lazy\.[0-9a-f]{12}\.wasm|ERR_FAILED/, p);
    }
  });
});

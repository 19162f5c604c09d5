// The first load (scripts/split-wasm.mjs, `warmable` and `pageScript`): the standalone page asks
// for config.json as it loads, and the chunks that configuration needs before the list shows are
// fetched alongside the main wasm, not after it; the app then takes both answers rather than asking
// again. A widget's chunks are fetched as it connects, from its own configuration.
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
    ['of a CRM', () => JSON.stringify(stardex()), 'split_dealform_crm', (page) => until(async () => (await page.getByRole('row').count()) === 11, 'ten deals')],
    ['of a CRM\'s scrolling list', () => JSON.stringify({ ...stardex(), list: 'scroll' }), 'split_dealform_crm split_dealform_scroll',
      (page) => visible(page.getByText('Seed deal 01', { exact: true }))],
    ['of a rest API', () => {
      server.page('/api/deals', JSON.stringify([{ id: 1, title: 'Served deal' }]), { 'content-type': 'application/json' });
      const routes = { list: 'GET /deals', get: 'GET /deals/{id}', create: 'POST /deals', update: 'PATCH /deals/{id}', delete: 'DELETE /deals/{id}' };
      return JSON.stringify({ provider: 'rest', base_url: '/api', rest: { routes, paging: { kind: 'none' }, fields: { id: '/id', name: '/title' } } });
    }, 'split_dealform_rest', (page) => visible(page.getByText('Served deal', { exact: true }))],
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
      [`<deal-form provider="stardex" base-url="${crm.url}/stardex" token="test-token" list="scroll"></deal-form>`, 'split_dealform_crm split_dealform_scroll',
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

// The standalone page's first load (scripts/split-wasm.mjs, `earlyFetches`): the page itself asks
// for config.json as it loads, and for the chunks that configuration needs before the list shows,
// so that neither waits for the main wasm; the app then takes both answers rather than asking again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hasText, launch, openApp, serveDist, startFakeCrm, until, visible } from './harness.mjs';

let server, browser, crm;
before(async () => { server = await serveDist(); browser = await launch(); crm = await startFakeCrm(); });
after(async () => { await browser?.close(); await server?.close(); crm?.stop(); });

const CHUNK = /\/((?:split|chunk)_[^/.]*)\.[0-9a-f]{12}\.wasm$/;

/** Opens the page with `config` (a string, or null for none) and counts every request for
 *  config.json and for each chunk. */
async function open(config) {
  server.config = config;
  const asked = {};
  const s = await openApp(browser, server.url, {
    setup: (page) => page.on('request', (r) => {
      const name = r.url().endsWith('/config.json') ? 'config.json' : r.url().match(CHUNK)?.[1];
      if (name) asked[name] = (asked[name] ?? 0) + 1;
    }),
  });
  return { ...s, asked };
}

/** Which chunks the page fetched, each with what asked for it ("link": the page's own
 *  <link rel=preload>, "fetch": the app's chunk loader). */
const chunkFetches = (page) => page.evaluate((source) => performance.getEntriesByType('resource')
  .filter((e) => new RegExp(source).test(e.name))
  .map((e) => [e.name.match(new RegExp(source))[1], e.initiatorType]), CHUNK.source);

describe('the first load', () => {
  const stardex = () => ({ provider: 'stardex', base_url: `${crm.url}/stardex`, credentials: { token: 'test-token' }, page_size: 10 });
  const cases = [
    ['with no configuration', () => null, 'split_dealform_local', (page) => hasText(page.getByRole('status').filter({ hasText: 'No deals yet' }), 'No deals yet')],
    ['of a CRM', () => JSON.stringify(stardex()), 'split_dealform_crm', (page) => until(async () => (await page.getByRole('row').count()) === 11, 'ten deals')],
    ['of a CRM\'s scrolling list', () => JSON.stringify({ ...stardex(), list: 'scroll' }), 'split_dealform_crm split_dealform_scroll',
      (page) => visible(page.getByText('Seed deal 01', { exact: true }))],
    ['of a page that opens on the form', () => JSON.stringify({ mode: 'create' }), 'split_dealform_form split_dealform_local',
      (page) => visible(page.getByRole('heading', { name: 'New deal' }))],
  ];
  for (const [what, config, splits, shown] of cases) {
    test(`${what} asks for config.json and the chunks it needs as the page loads, and for each only once`, async () => {
      await crm.reset('stardex');
      const s = await open(config());
      await shown(s.page);
      const fetched = await chunkFetches(s.page);
      assert.equal(fetched.map(([name]) => name).filter((n) => n.startsWith('split_')).sort().join(' '), splits);
      assert.deepEqual(fetched.filter(([, by]) => by !== 'link'), [], 'every chunk asked for by the page as it loaded, none later by the app');
      assert.deepEqual(Object.entries(s.asked).filter(([, n]) => n !== 1), [], `one request each: ${JSON.stringify(s.asked)}`);
      assert.equal(s.asked['config.json'], 1);
      await s.context.close();
      assert.deepEqual(s.problems, [], 'no console errors or exceptions');
    });
  }

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

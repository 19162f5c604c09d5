// The widget on someone else's page: embedded by tag, by config attribute and by
// DealForm.mount, side by side, under a strict CSP, under a sub-path, with axe and the keyboard.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { axe as axeOf, fillDeal, focused, hasText, launch, openApp, rows, serveDist, startFakeCrm, until, visible } from './harness.mjs';

const require = createRequire(import.meta.url);
let server, browser, crm;
before(async () => {
  server = await serveDist();
  browser = await launch();
  crm = await startFakeCrm();
  // Host styles that would wreck a widget that shared the page's styles.
  // Browsers ask host pages for a favicon; a 404 would be noise in the console checks.
  server.page('/favicon.ico', '', { 'content-type': 'image/x-icon' });
  server.page('/host.css', 'button, table, input { display: none !important; } body { font: 40px serif; color: #c00; }', { 'content-type': 'text/css' });
});
after(async () => { await browser?.close(); await server?.close(); crm?.stop(); });

function host(body, { script = '/dealform.js', head = '' } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme intranet</title>
<link rel="stylesheet" href="/host.css"><script type="module" src="${script}"></script>${head}</head>
<body><main><h1>Acme intranet</h1>${body}</main></body></html>`;
}

async function visit(path, body, options = {}) {
  server.page(path, host(body, options), options.headers);
  const session = await openApp(browser, `${server.url.replace(/\/$/, '')}${path}`, options.open);
  return session;
}

/** A host page served with a strict CSP (the fake CRM the only other origin); every violation
 *  lands in `window.violations`. */
function visitUnderCsp(path, body) {
  const csp = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${crm.url}`;
  return visit(path, body, {
    headers: { 'content-security-policy': csp },
    open: { init: { fn: () => { window.violations = []; document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`)); }, arg: null } },
  });
}

describe('embedding', () => {
  test('a <deal-form> tag shows the deals in its own shadow root, untouched by host styles', async () => {
    const s = await visit('/tag.html', '<deal-form id="w" sample-data></deal-form>');
    const table = s.page.getByRole('table', { name: 'Deals' });
    await visible(table);
    assert.equal((await rows(s.page)).length, 5);
    await visible(s.page.getByRole('button', { name: 'New deal' }));
    assert.equal(await s.page.evaluate(() => document.querySelector('.df-table')), null, 'nothing leaks into the page');
    assert.ok(await s.page.locator('deal-form').evaluate((el) => el.shadowRoot !== null));
    const font = await s.page.getByRole('button', { name: 'New deal' }).evaluate((b) => getComputedStyle(b).fontSize);
    assert.notEqual(font, '40px', 'the host font does not reach the widget');
    assert.equal(await s.page.evaluate(() => document.getElementById('dealform')), null);
    // The host page's title is the host's: a widget's views do not rename it.
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await visible(s.page.getByRole('heading', { name: 'New deal' }));
    assert.equal(await s.page.title(), 'Acme intranet');
    await s.context.close();
    assert.deepEqual(s.problems, []);
  });

  test('a host page that shrinks its root font (html { font-size: 62.5% }) does not shrink the widget', async () => {
    const s = await visit('/root-font.html', '<deal-form sample-data></deal-form>', { head: '<style>html { font-size: 62.5% } body { font-size: 1.6rem }</style>' });
    await visible(s.page.getByRole('table', { name: 'Deals' }));
    const heading = await s.page.getByRole('heading', { name: 'Deals' }).evaluate((h) => getComputedStyle(h).fontSize);
    assert.equal(heading, '21.6px', 'the heading is 1.35 times the widget\'s 16 px, not the host root\'s 10 px');
    const button = await s.page.getByRole('button', { name: 'New deal' }).evaluate((b) => b.getBoundingClientRect().height);
    assert.ok(button >= 40, `a button is at least 2.5 times 16 px tall (${button} px)`);
    await s.context.close();
    assert.deepEqual(s.problems, []);
  });

  test('a widget shows nothing unstyled while its stylesheet is on the way, and its scrolling list asks only for its first pages', async () => {
    // On a busy machine the deals can come before the stylesheet. Unstyled, the scrolling list's
    // box had no height limit: it measured every row as in view, mounted them all and asked the
    // CRM for every page (the failing CI run: 20 requests for 2,000 deals).
    await crm.reset('stardex', 2000);
    let release;
    const styled = new Promise((ok) => { release = ok; });
    const s = await visit('/late-style.html', `<deal-form provider="stardex" base-url="${crm.url}/stardex" token="test-token" list="scroll"></deal-form>`, {
      open: { setup: (page) => page.route('**/dealform.css', async (route) => { await styled; await route.continue(); }) },
    });
    const page = s.page;
    const first = page.getByRole('button', { name: 'Seed deal 01', includeHidden: true });
    await first.waitFor({ state: 'attached', timeout: 15_000 });
    const searches = async () => (await crm.requests('stardex')).filter((r) => r === 'POST /v1/deals/search').length;
    // The first page, and the one read ahead of it.
    await until(async () => (await searches()) >= 2, 'the page read ahead');
    await page.waitForTimeout(500);
    assert.equal(await first.isVisible(), false, 'no unstyled deals on the host page');
    assert.equal(await searches(), 2, 'list requests before the stylesheet came');
    release();
    await visible(page.getByRole('button', { name: 'Seed deal 01' }));
    await visible(page.getByText('2,000 deals, 200 loaded'));
    const mounted = await page.getByRole('table', { name: 'Deals' }).locator('tbody').getByRole('row').count();
    assert.ok(mounted <= 100, `${mounted} rows mounted`);
    assert.equal(await searches(), 2, 'list requests once styled');
    await s.context.close();
    assert.deepEqual(s.problems, []);
  });

  test('a config attribute points it at a CRM on another port', async () => {
    await crm.reset('heffl');
    const config = JSON.stringify({ provider: 'heffl', base_url: `${crm.url}/heffl`, credentials: { api_key: 'test-key' }, page_size: 10 });
    const s = await visit('/config-attr.html', `<deal-form config='${config}'></deal-form>`);
    await until(async () => (await rows(s.page)).length === 10, 'the fake CRM\'s deals');
    assert.equal((await rows(s.page))[0][0], 'Seed deal 01');
    await s.context.close();
  });

  test('a number attribute that is not a number is named, not ignored', async () => {
    const s = await visit('/bad-number.html', '<deal-form id="a" sample-data page-size="abc"></deal-form><deal-form id="b" sample-data timeout-ms="soon"></deal-form>');
    await hasText(s.page.locator('#a').getByRole('alert'), 'The widget configuration: “page_size” must be a whole number from 1 to 100, not text');
    await hasText(s.page.locator('#b').getByRole('alert'), 'The widget configuration: “timeout_ms”');
    assert.equal(await s.page.getByRole('table', { name: 'Deals' }).count(), 0, 'no list with a setting other than the one written');
    await s.context.close();
  });

  test('credentials given as attributes are read once and removed from the DOM', async () => {
    await crm.reset('heffl');
    const s = await visit('/secret.html', `<deal-form provider="heffl" base-url="${crm.url}/heffl" api-key="test-key" page-size="10"></deal-form>`);
    await until(async () => (await rows(s.page)).length === 10, 'deals fetched with the key');
    assert.equal(await s.page.locator('deal-form').getAttribute('api-key'), null);
    assert.ok(!(await s.page.locator('deal-form').evaluate((el) => el.outerHTML + el.shadowRoot.innerHTML)).includes('test-key'));
    await s.context.close();
  });

  test('credentials inside the config attribute leave the DOM, without the widget being built twice', async () => {
    await crm.reset('heffl');
    const config = JSON.stringify({ provider: 'heffl', base_url: `${crm.url}/heffl`, credentials: { api_key: 'test-key' }, page_size: 10 });
    const s = await visit('/config-secret.html', `<deal-form id="keyed" config='${config}'></deal-form>`);
    await until(async () => (await rows(s.page)).length === 10, 'deals fetched with the key');
    const widget = s.page.locator('#keyed');
    const left = JSON.parse(await widget.getAttribute('config'));
    assert.deepEqual(left, { provider: 'heffl', base_url: `${crm.url}/heffl`, page_size: 10 }, 'the rest of the config stays as written');
    assert.ok(!(await widget.evaluate((el) => el.outerHTML + el.shadowRoot.innerHTML)).includes('test-key'), 'not in the element, nor in its shadow root');
    const lists = (await crm.requests('heffl')).filter((r) => r.startsWith('GET /deals'));
    assert.equal(lists.length, 1, `the rewritten attribute did not rebuild the widget: ${lists}`);

    // A config set later loses its key too, and the widget keeps working with it.
    await widget.getByRole('button', { name: 'New deal' }).click();
    await widget.getByLabel('Name', { exact: true }).fill('Typed before the config changed');
    await widget.evaluate((el, c) => el.setAttribute('config', c), JSON.stringify({ provider: 'heffl', base_url: `${crm.url}/heffl`, credentials: { api_key: 'test-key' }, page_size: 5 }));
    assert.ok(!(await widget.getAttribute('config')).includes('test-key'));
    await visible(widget.getByText('You have an unsaved new deal: “Typed before the config changed”.'));
    await widget.getByRole('button', { name: 'Resume draft' }).click();
    assert.equal(await widget.getByLabel('Name', { exact: true }).inputValue(), 'Typed before the config changed', 'the draft survives');
    await s.context.close();
    assert.deepEqual(s.problems, []);
  });

  test('DealForm.mount returns a handle that updates and unmounts the widget', async () => {
    const s = await visit('/mount.html', '<section id="slot"></section>', {
      head: `<script type="module">
        await import('/dealform.js');
        window.handle = await DealForm.mount(document.getElementById('slot'), { provider: 'local', sample_data: true, namespace: 'mounted' });
      </script>`,
    });
    await until(async () => (await rows(s.page)).length === 5, 'five sample deals');
    await s.page.evaluate(() => window.handle.update({ provider: 'local', namespace: 'mounted', page_size: 2 }));
    await visible(s.page.getByText('1–2 of 5'));
    await s.page.evaluate(() => window.handle.unmount());
    await until(async () => (await s.page.getByRole('table').count()) === 0, 'the widget gone');
    // A handle kept past unmount() does not bring the widget back; it says so.
    const late = await s.page.evaluate(() => { try { window.handle.update({ provider: 'local', namespace: 'mounted' }); return 'updated'; } catch (e) { return e.message; } });
    assert.equal(late, 'dealform: this widget was unmounted, or replaced by another mount into its element; DealForm.mount() makes a new one');
    await s.page.waitForTimeout(300);
    assert.equal(await s.page.getByRole('table').count(), 0, 'still gone');
    // An element that is not there (a selector that found nothing) is named as the mistake.
    const missing = await s.page.evaluate(() => DealForm.mount(document.getElementById('no-such-slot'), {}).then(() => 'mounted', (e) => `${e.name}: ${e.message}`));
    assert.equal(missing, 'TypeError: dealform: DealForm.mount() needs an element to render into, not null');
    await s.context.close();
    assert.deepEqual(s.problems, []);
  });

  test('a widget mounted by DealForm.mount stays when the page keeps no handle, and a second mount into its element replaces it', async () => {
    const s = await visit('/kept.html', '<section id="slot"></section>', {
      head: `<script type="module">
        await import('/dealform.js');
        DealForm.mount(document.getElementById('slot'), { provider: 'local', sample_data: true, namespace: 'kept' });
      </script>`,
    });
    await until(async () => (await rows(s.page)).length === 5, 'five sample deals');
    // wasm-bindgen frees a wasm object once its JS wrapper is collected: a widget held by
    // nothing but the dropped handle would be unmounted by the next garbage collection.
    const cdp = await s.context.newCDPSession(s.page);
    for (let i = 0; i < 3; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await s.page.waitForTimeout(200);
    }
    assert.equal((await rows(s.page)).length, 5, 'the widget is still there after garbage collection');
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await visible(s.page.getByRole('heading', { name: 'New deal' }));
    // Mounted again into the same element, the widget is replaced, not doubled.
    await s.page.evaluate(() => DealForm.mount(document.getElementById('slot'), { provider: 'local', namespace: 'kept', page_size: 2 }));
    await visible(s.page.getByText('1–2 of 5'));
    assert.equal(await s.page.getByRole('table').count(), 1);
    assert.equal(await s.page.getByRole('heading', { name: 'New deal' }).count(), 0);
    await s.context.close();
    assert.deepEqual(s.problems, []);
  });

  test('a widget fetches only its backend\'s code, says so if it cannot, and Retry brings it', async () => {
    const chunks = [];
    const s = await visit('/late.html', '<section id="slot"></section>');
    s.page.on('request', (r) => { const m = r.url().match(/\/((?:split|chunk)_[^/.]*)\.[0-9a-f]{12}\.wasm$/); if (m) chunks.push(m[1]); });
    await s.page.route(/\/split_dealform_local\.[0-9a-f]{12}\.wasm$/, (route) => route.abort());
    await s.page.evaluate(() => {
      window.errors = [];
      document.addEventListener('dealform:error', (e) => window.errors.push(e.detail));
      document.getElementById('slot').innerHTML = '<deal-form sample-data></deal-form>';
    });
    const failed = s.page.getByRole('alert').filter({ hasText: 'The deals could not be opened' });
    await hasText(failed, 'Part of the app could not be fetched. Check the connection, then retry; if that does not help, reload the page.');
    assert.deepEqual(await s.page.evaluate(() => window.errors), [{ kind: 'network', message: 'Part of the app could not be fetched. Check the connection, then retry; if that does not help, reload the page.' }],
      'the host page is told, as of a CRM out of reach');

    await s.page.unroute(/\/split_dealform_local\.[0-9a-f]{12}\.wasm$/);
    await failed.getByRole('button', { name: 'Retry' }).click();
    await until(async () => (await rows(s.page)).length === 5, 'five sample deals');
    assert.deepEqual(chunks.filter((c) => c.startsWith('split_')), ['split_dealform_local', 'split_dealform_local'],
      `the local backend's code, asked for twice, and neither the CRMs' nor the form's: ${chunks}`);
    await s.context.close();
    assert.ok(s.problems.length >= 1);
    for (const p of s.problems) assert.match(p, /Failed to fetch|ERR_FAILED|split_dealform_local/, p);
  });

  test('a widget whose code the server no longer has (a redeploy since the page opened) says to reload, and tells the host it is outdated', async () => {
    const s = await visit('/gone.html', '<section id="slot"></section>');
    await s.page.route(/\/split_dealform_local\.[0-9a-f]{12}\.wasm$/, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await s.page.evaluate(() => {
      window.errors = [];
      document.addEventListener('dealform:error', (e) => window.errors.push(e.detail));
      document.getElementById('slot').innerHTML = '<deal-form sample-data></deal-form>';
    });
    const gone = 'Part of the app is no longer on the server: it was updated since this page was opened. Reload the page to go on.';
    await hasText(s.page.getByRole('alert').filter({ hasText: 'The deals could not be opened' }), gone);
    assert.deepEqual(await s.page.evaluate(() => window.errors), [{ kind: 'outdated', message: gone }], 'the host page is told, so that it can reload');
    await s.context.close();
    assert.ok(s.problems.length >= 1);
    for (const p of s.problems) assert.match(p, /404|HTTP status code is not ok|split_dealform_local/, p);
  });

  test('two widgets side by side keep separate deals', async () => {
    const s = await visit('/two.html', '<deal-form id="left" sample-data></deal-form><deal-form id="right"></deal-form>');
    const left = s.page.locator('#left');
    const right = s.page.locator('#right');
    await visible(left.getByRole('table', { name: 'Deals' }));
    await visible(right.getByText('No deals yet'));
    await right.getByRole('button', { name: 'New deal' }).click();
    await right.getByLabel('Name', { exact: true }).fill('Only on the right');
    await right.getByRole('button', { name: 'Save' }).click();
    await visible(right.getByRole('cell', { name: 'Only on the right' }));
    assert.equal(await left.getByRole('row').count(), 6, 'the left widget still has its five deals');
    assert.equal(await left.getByText('Only on the right').count(), 0);
    await s.context.close();
    assert.deepEqual(s.problems, []);
  });

  test('host listeners receive created, updated, deleted and error events', async () => {
    const s = await visit('/events.html', '<deal-form id="ev"></deal-form><deal-form id="bad" mode="sideways"></deal-form>', {
      head: `<script type="module">
        window.events = [];
        for (const t of ['created', 'updated', 'deleted', 'error']) {
          document.addEventListener('dealform:' + t, (e) => window.events.push({ type: e.type, from: e.target.id, detail: e.detail }));
        }
      </script>`,
    });
    const w = s.page.locator('#ev');
    await w.getByRole('button', { name: 'New deal' }).click();
    await w.getByLabel('Name', { exact: true }).fill('Evented');
    await w.getByRole('button', { name: 'Save' }).click();
    await w.getByRole('button', { name: 'Evented', exact: true }).click();
    await w.getByLabel('Name', { exact: true }).fill('Evented again');
    await w.getByRole('button', { name: 'Save' }).click();
    await w.getByRole('button', { name: 'Evented again', exact: true }).click();
    await w.getByRole('button', { name: 'Delete', exact: true }).click();
    await w.getByRole('alertdialog').getByRole('button', { name: 'Delete deal' }).click();
    await visible(w.getByText('No deals yet'));
    const events = await s.page.evaluate(() => window.events);
    const summary = events.map((e) => [e.type, e.from, e.detail?.fields?.name ?? e.detail?.kind]);
    assert.deepEqual(summary, [
      ['dealform:error', 'bad', 'config'],
      ['dealform:created', 'ev', 'Evented'],
      ['dealform:updated', 'ev', 'Evented again'],
      ['dealform:deleted', 'ev', 'Evented again'],
    ]);
    await hasText(s.page.locator('#bad').getByRole('alert'), '“mode”');
    await s.context.close();
  });

  test('changing an attribute updates the widget, and removing the element unmounts it', async () => {
    const s = await visit('/attr.html', '<deal-form id="live" sample-data></deal-form>');
    await visible(s.page.getByText('1–5 of 5'));
    // The widget built again keeps its stylesheet, so it shows at once: not hidden while the
    // stylesheet would load again.
    const shownAtOnce = await s.page.locator('#live').evaluate((el) => {
      el.setAttribute('page-size', '2');
      return [...el.shadowRoot.children].filter((c) => c.localName === 'div').map((d) => d.checkVisibility());
    });
    assert.deepEqual(shownAtOnce, [true]);
    await visible(s.page.getByText('1–2 of 5'));
    await s.page.locator('#live').evaluate((el) => el.setAttribute('locale', 'de-DE'));
    await visible(s.page.getByText('15.000,00 $'));
    await s.page.locator('#live').evaluate((el) => el.remove());
    assert.equal(await s.page.locator('deal-form').count(), 0);
    await s.page.evaluate(() => document.querySelector('main').append(document.createElement('deal-form')));
    await visible(s.page.getByRole('table', { name: 'Deals' }).or(s.page.getByText('No deals yet')));
    await s.context.close();
    assert.deepEqual(s.problems, []);
  });

  test('a widget removed while its save is on the way leaves the page, and the widget beside it, working', async () => {
    await crm.reset('stardex');
    const s = await visit('/gone.html', `<deal-form id="crm" provider="stardex" base-url="${crm.url}/stardex" token="test-token"></deal-form><deal-form id="local" sample-data></deal-form>`);
    const page = s.page;
    const local = page.locator('#local');
    await visible(local.getByText('1–5 of 5'));
    const widget = page.locator('#crm');
    await widget.getByRole('button', { name: 'New deal' }).click();
    await widget.getByLabel('Name', { exact: true }).fill('Saved after the widget went');
    // The CRM answers the save a second later; by then the widget is gone.
    await crm.fault('stardex', { kind: 'slow', method: 'POST', path: '/v1/deals', ms: 1000 });
    await widget.getByRole('button', { name: 'Save' }).click();
    await until(async () => (await crm.requests('stardex')).includes('POST /v1/deals'), 'the save sent');
    await widget.evaluate((el) => el.remove());
    await page.waitForTimeout(1500);
    // The one wasm instance both widgets share is still alive: the other widget works.
    await local.getByRole('button', { name: 'New deal' }).click();
    await local.getByLabel('Name', { exact: true }).fill('Still working');
    await local.getByRole('button', { name: 'Save' }).click();
    await hasText(local.getByRole('status').filter({ hasText: 'Created' }), 'Created “Still working”.');
    await s.context.close();
    assert.deepEqual(s.problems, []);
  });

  test('mode="create" shows only the form and offers a fresh one after saving; mode="list" only the list', async () => {
    const s = await visit('/modes.html', '<deal-form id="lead" mode="create"></deal-form><deal-form id="ro" mode="list" sample-data></deal-form>');
    const lead = s.page.locator('#lead');
    await visible(lead.getByRole('heading', { name: 'New deal' }));
    await s.page.waitForTimeout(200);
    assert.equal((await focused(s.page))?.tag, 'BODY', 'a form shown on page load does not take focus');
    assert.equal(await lead.getByRole('table').count(), 0);
    await lead.getByLabel('Name', { exact: true }).fill('Inbound lead');
    await lead.getByRole('button', { name: 'Save' }).click();
    await hasText(lead.getByRole('status').filter({ hasText: 'Created' }), 'Created “Inbound lead”.');
    assert.equal(await lead.getByLabel('Name', { exact: true }).inputValue(), '', 'a fresh form');
    assert.equal(await lead.getByRole('button', { name: /^Open/ }).count(), 0, 'a widget that only adds deals offers none to open');
    const ro = s.page.locator('#ro');
    await visible(ro.getByRole('table', { name: 'Deals' }));
    assert.equal(await ro.getByRole('button', { name: 'New deal' }).count(), 0);
    assert.equal(await ro.getByRole('button', { name: 'Acme Corp — Enterprise licence' }).count(), 0);
    await s.context.close();
    assert.deepEqual(s.problems, []);
  });
});

describe('static hosting and security', () => {
  test('the build works copied under a sub-path, with the wasm served as application/wasm', async () => {
    const session = await openApp(browser, `${server.url}tools/deals/`);
    const wasm = [];
    session.page.on('response', (r) => { if (r.url().endsWith('.wasm')) wasm.push([r.url().split('/').at(-1), r.headers()['content-type']]); });
    await session.page.reload();
    await visible(session.page.getByRole('heading', { name: 'Deals' }));
    // The app's wasm and the local backend's chunk (with the code it shares), all from the sub-path.
    assert.ok(wasm.some(([file]) => file === 'dealform-app_bg.wasm'), JSON.stringify(wasm));
    assert.ok(wasm.some(([file]) => /^split_dealform_local\.[0-9a-f]{12}\.wasm$/.test(file)), JSON.stringify(wasm));
    for (const [file, type] of wasm) assert.equal(type, 'application/wasm', file);
    await session.context.close();
    const s = await visit('/sub.html', '<deal-form sample-data></deal-form>', { script: '/tools/deals/dealform.js' });
    await visible(s.page.getByRole('table', { name: 'Deals' }));
    await s.context.close();
    assert.deepEqual(s.problems, []);
  });

  test('a full create, edit and delete under a strict Content-Security-Policy raises no violation', async () => {
    await crm.reset('stardex');
    const s = await visitUnderCsp('/csp.html', `<deal-form provider="stardex" base-url="${crm.url}/stardex" token="test-token" page-size="10"></deal-form>`);
    const page = s.page;
    await until(async () => (await rows(page)).length === 10, 'the list');
    await page.getByRole('button', { name: 'New deal' }).click();
    await fillDeal(page, { name: 'Under CSP', amount: '99', stage: 'Proposal' });
    await page.getByRole('button', { name: 'Save' }).click();
    await hasText(page.getByRole('status').filter({ hasText: 'Created' }), 'Created “Under CSP”.');
    await page.getByRole('button', { name: 'Seed deal 01' }).click();
    await fillDeal(page, { name: 'Seed deal 01 (CSP)' });
    await page.getByRole('button', { name: 'Save' }).click();
    await hasText(page.getByRole('status').filter({ hasText: 'Saved' }), 'Saved changes');
    await page.getByRole('button', { name: 'Seed deal 01 (CSP)', exact: true }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete deal' }).click();
    await hasText(page.getByRole('status').filter({ hasText: 'Deleted' }), 'Deleted');
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    await s.context.close();
  });
});

describe('accessibility', () => {
  // Served from the page's own origin, so pages under a strict CSP can load it too.
  const axe = (page) => axeOf(server, page);

  test('several widgets on one page have landmarks of their own names, named by the host or numbered', async () => {
    const s = await visit('/landmarks.html', '<deal-form id="one" sample-data page-size="2"></deal-form><deal-form id="two" sample-data page-size="2"></deal-form><deal-form id="eu" label="Europe pipeline" sample-data page-size="2"></deal-form>');
    const page = s.page;
    for (const name of ['Deals', 'Deals 2', 'Europe pipeline']) await visible(page.getByRole('table', { name, exact: true }));
    assert.deepEqual(await page.getByRole('navigation').evaluateAll((navs) => navs.map((n) => n.getAttribute('aria-label'))),
      ['Pages', 'Pages (Deals 2)', 'Pages (Europe pipeline)']);
    await visible(page.locator('#eu').getByRole('heading', { name: 'Europe pipeline' }));
    const unique = () => page.evaluate(async () => (await window.axe.run(document, { runOnly: { type: 'rule', values: ['landmark-unique'] } }))
      .violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert.deepEqual(await axe(page), [], 'three lists');
    assert.deepEqual(await unique(), [], 'three lists: no two landmarks of one name');
    for (const id of ['one', 'two']) await page.locator(`#${id}`).getByRole('button', { name: 'New deal' }).click();
    await visible(page.getByRole('region', { name: 'New deal (Deals 2)' }));
    assert.deepEqual(await unique(), [], 'two forms and a list');
    // A widget taken away gives its number back to the next one.
    await page.locator('#two').evaluate((el) => el.remove());
    await page.evaluate(() => document.querySelector('main').insertAdjacentHTML('beforeend', '<deal-form id="three" sample-data></deal-form>'));
    await visible(page.locator('#three').getByRole('heading', { name: 'Deals 2', exact: true }));
    await s.context.close();
    assert.deepEqual(s.problems, []);
  });

  for (const scheme of ['light', 'dark']) {
    test(`axe finds nothing in the list, create, edit, error and empty states (${scheme})`, async () => {
      const s = await visit(`/axe-${scheme}.html`, '<deal-form id="a11y"></deal-form>');
      const page = s.page;
      await page.emulateMedia({ colorScheme: scheme });
      await visible(page.getByText('No deals yet'));
      assert.deepEqual(await axe(page), [], 'empty state');
      await page.getByRole('button', { name: 'New deal' }).click();
      await visible(page.getByLabel('Name', { exact: true }));
      assert.deepEqual(await axe(page), [], 'create form');
      await page.getByRole('button', { name: 'Save' }).click();
      await visible(page.getByText('Name is required'));
      assert.deepEqual(await axe(page), [], 'form with errors');
      await page.getByLabel('Name', { exact: true }).fill('Accessible deal');
      await page.getByRole('button', { name: 'Save' }).click();
      await visible(page.getByRole('table', { name: 'Deals' }));
      assert.deepEqual(await axe(page), [], 'list');
      await page.getByRole('button', { name: 'Accessible deal', exact: true }).click();
      await visible(page.getByRole('heading', { name: 'Edit deal' }));
      assert.deepEqual(await axe(page), [], 'edit form');
      await s.context.close();
    });
  }

  test('the scrolling list, under a strict CSP, passes axe in light and dark while rows load', async () => {
    await crm.reset('stardex', 2000);
    const s = await visitUnderCsp('/scroll.html', `<deal-form provider="stardex" base-url="${crm.url}/stardex" token="test-token" list="scroll"></deal-form>`);
    const page = s.page;
    const region = page.getByRole('region', { name: 'All deals, scrollable' });
    await visible(page.getByRole('button', { name: 'Seed deal 01' }));
    // The page read ahead of the first is in too: else, on a slow machine, it could be the
    // request the fault below holds back, and the jump's page come at once.
    await visible(page.getByText('2,000 deals, 200 loaded'));
    // Hold the next page back, so the rows in view are still loading while axe looks.
    await crm.fault('stardex', { kind: 'slow', method: 'POST', path: '/v1/deals/search', ms: 3000 });
    await region.evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
    await visible(page.getByRole('row', { name: 'Loading…' }).first());
    // The spacer rows are sized through the CSSOM, which a strict style-src allows. (Checked
    // before axe runs: axe adds inline styles of its own.)
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(await axe(page), [], 'scrolling list with rows loading, light');
    await visible(page.getByRole('button', { name: 'Seed deal 1010' }));
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await axe(page), [], 'scrolling list, dark');
    await s.context.close();
  });

  test('axe finds nothing in the error state of a CRM that cannot be reached, light and dark', async () => {
    const s = await visit('/axe-error.html', '<deal-form provider="stardex" base-url="http://127.0.0.1:9/nowhere" token="x" timeout-ms="1000"></deal-form>');
    const page = s.page;
    await hasText(page.getByRole('alert'), 'could not be loaded');
    await visible(page.getByRole('button', { name: 'Retry' }));
    assert.deepEqual(await axe(page), [], 'error state, light');
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await axe(page), [], 'error state, dark');
    await s.context.close();
  });

  test('a host-set theme overrides the browser\'s colour scheme', async () => {
    const s = await visit('/theme.html', '<deal-form id="dark" theme="dark"></deal-form><deal-form id="light" theme="light"></deal-form>');
    const page = s.page;
    const background = (id) => page.locator(`#${id}`).locator('.dealform').evaluate((el) => getComputedStyle(el).backgroundColor);
    await visible(page.locator('#dark').getByText('No deals yet'));
    await page.emulateMedia({ colorScheme: 'light' });
    assert.equal(await background('dark'), 'rgb(21, 24, 29)');
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await background('light'), 'rgb(255, 255, 255)');
    await s.context.close();
    assert.deepEqual(s.problems, []);
  });

  test('a deal can be created with the keyboard alone', async () => {
    const s = await visit('/keyboard.html', '<deal-form></deal-form>');
    const page = s.page;
    await visible(page.getByText('No deals yet'));
    for (let i = 0; i < 20 && (await focused(page))?.text !== 'New deal'; i++) await page.keyboard.press('Tab');
    assert.equal((await focused(page))?.text, 'New deal');
    await page.keyboard.press('Enter');
    await until(async () => (await focused(page))?.label === 'Name', 'focus in the Name field');
    await page.keyboard.type('Keyboard only');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2,500');
    for (let i = 0; i < 20 && (await focused(page))?.text !== 'Save'; i++) await page.keyboard.press('Tab');
    assert.equal((await focused(page))?.text, 'Save');
    await page.keyboard.press('Enter');
    await hasText(page.getByRole('status').filter({ hasText: 'Created' }), 'Created “Keyboard only”.');
    assert.deepEqual((await rows(page))[0].slice(0, 2), ['Keyboard only', '$2,500.00']);
    await s.context.close();
    assert.deepEqual(s.problems, []);
  });
});

describe('the README examples', () => {
  const readme = require('node:fs').readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = (lang, after) => {
    const from = readme.indexOf(after);
    const start = readme.indexOf('```' + lang + '\n', from) + lang.length + 4;
    return readme.slice(start, readme.indexOf('```', start));
  };

  test('the embed example works as written, through a same-origin proxy', async () => {
    await crm.reset('heffl');
    server.proxy('/crm-proxy/heffl', `${crm.url}/heffl`, { 'x-api-key': 'test-key' });
    const html = block('html', "## As a widget on someone else's page");
    assert.ok(html.includes('<deal-form provider="heffl" base-url="/crm-proxy/heffl"'), 'the example is the one documented');
    server.page('/readme-embed.html', html);
    const s = await openApp(browser, `${server.url}readme-embed.html`);
    const widgets = s.page.locator('deal-form');
    await until(async () => (await widgets.nth(0).getByRole('row').count()) === 24, 'the Heffl widget lists 23 deals');
    await visible(widgets.nth(1).getByRole('heading', { name: 'New deal' }));
    await visible(s.page.locator('#slot').getByRole('table', { name: 'Deals' }));
    assert.equal(await s.page.evaluate(() => typeof window.DealForm.mount), 'function');
    await s.context.close();
    assert.deepEqual(s.problems, []);
  });

  test('the static-hosting example works as written', async () => {
    const { mkdtemp, cp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const shell = block('sh', '## Static hosting');
    const config = shell.slice(shell.indexOf("<<'JSON'") + 8, shell.indexOf('JSON\n', shell.indexOf("<<'JSON'") + 8)).trim();
    const site = await mkdtemp(join(tmpdir(), 'dealform-site-'));
    await cp(process.env.DIST_DIR || new URL('../../dist', import.meta.url).pathname, join(site, 'tools/deals'), { recursive: true });
    await writeFile(join(site, 'tools/deals/config.json'), config);
    const host = await serveDist(site, { subpath: false });
    await crm.reset('attio');
    host.proxy('/crm-proxy/attio', `${crm.url}/attio`, { authorization: 'Bearer test-token' });
    const s = await openApp(browser, `${host.url}tools/deals/`, { locale: 'en-GB' });
    await until(async () => (await rows(s.page)).length === 23, 'the Attio deals through the proxy');
    assert.equal((await rows(s.page))[0][1], 'US$1,000.00', 'formatted for en-GB');
    await s.context.close();
    await host.close();
    assert.deepEqual(s.problems, []);
  });
});

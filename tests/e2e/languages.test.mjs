// The widget in its users' language (issue #30): the journeys a user makes (create, a
// validation error, a CRM's error, delete) in German and in Arabic, found by role and by the
// translated words, axe clean in both; right to left in Arabic; a widget whose `language`
// changes mid-typing; `messages` in the configuration; only the catalog in use fetched.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { axe as axeOf, CRM_CREDENTIALS, focused, hasText, launch, openApp, serveDist, startFakeCrm, until, visible } from './harness.mjs';

let server, browser, crm;
before(async () => {
  server = await serveDist();
  browser = await launch();
  crm = await startFakeCrm();
  server.page('/favicon.ico', '', { 'content-type': 'image/x-icon' });
});
after(async () => { await browser?.close(); await server?.close(); crm?.stop(); });

/** The one-line messages of `locales/{code}.ftl`, by key: what the tests look for, so that a
 *  test finds a button by the words the German catalog gives it, as a German user would. */
function catalog(code) {
  const text = readFileSync(resolve(import.meta.dirname, `../../locales/${code}.ftl`), 'utf8');
  const messages = {};
  for (const line of text.split('\n')) {
    const m = line.match(/^([a-z][a-z0-9-]*) = (.*)$/);
    if (m && !m[2].includes('->')) messages[m[1]] = m[2];
  }
  // Right to left, each value put into a sentence is isolated (U+2068 … U+2069), as Fluent does.
  const rtl = messages.direction === 'rtl';
  return new Proxy(messages, {
    get: (all, key) => {
      if (key === 'isolate') return rtl ? (v) => `\u2068${v}\u2069` : (v) => v;
      if (!(key in all)) throw new Error(`${code}.ftl has no one-line message ${String(key)}`);
      return all[key];
    },
  });
}
const en = catalog('en');
const de = catalog('de');
const ar = catalog('ar');

/** The message `key` of `words` with its `{ $name }` placeables filled in. */
const fill = (words, key, values) => words[key].replace(/\{ \$([a-z_]+) \}/g, (_, name) => {
  if (!(name in values)) throw new Error(`no value for $${name} in ${words[key]}`);
  return words.isolate(values[name]);
});

async function done({ context, problems }, allowed = []) {
  await context.close();
  assert.deepEqual(problems.filter((p) => !allowed.some((a) => p.includes(a))), [], 'no console errors or exceptions');
}

/** axe's WCAG 2.2 AA findings on the page. */
const axe = (page) => axeOf(server, page);

/** Opens the standalone page, recording which catalogs it fetches. */
async function open(config, { locale = 'en-US' } = {}) {
  server.config = config === undefined ? null : JSON.stringify(config);
  const fetched = [];
  const s = await openApp(browser, server.url, {
    locale,
    setup: (page) => page.on('request', (r) => { const path = new URL(r.url()).pathname; if (path.includes('/locales/')) fetched.push(path); }),
  });
  return { ...s, fetched };
}

/** The journeys on the local backend in `words`' language: a create refused by validation, then
 *  saved, then deleted; axe on the list, on the form's errors and on the confirmation. */
async function localJourney(page, words) {
  const table = page.getByRole('table', { name: words['list-heading'] });
  await visible(table);
  await page.getByRole('button', { name: words['list-new'], exact: true }).click();
  await visible(page.getByRole('heading', { name: words['form-title-new'] }));
  // Saved empty: the summary and the field's own message, in the language.
  await page.getByRole('button', { name: words['form-save'], exact: true }).click();
  const required = fill(words, 'error-required', { label: words['field-name'] });
  await visible(page.getByText(required, { exact: true }));
  const name = page.getByLabel(words['field-name'], { exact: true });
  assert.equal(await name.getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await axe(page), [], 'axe on the form with its errors');
  await name.fill('Müller GmbH');
  await page.getByLabel(words['field-amount'], { exact: true }).fill('1200');
  await page.getByRole('button', { name: words['form-save'], exact: true }).click();
  await hasText(page.getByRole('status').first(), fill(words, 'notice-created', { name: 'Müller GmbH' }));
  assert.deepEqual(await axe(page), [], 'axe on the list');
  // Deleted, through its confirmation.
  await table.getByRole('button', { name: 'Müller GmbH' }).click();
  await visible(page.getByRole('heading', { name: words['form-title-edit'] }));
  await page.getByRole('button', { name: words['form-delete'], exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: fill(words, 'form-delete-title', { name: 'Müller GmbH' }) });
  await visible(dialog);
  assert.deepEqual(await axe(page), [], 'axe on the confirmation');
  await dialog.getByRole('button', { name: words['form-delete-confirm'] }).click();
  await hasText(page.getByRole('status').first(), fill(words, 'notice-deleted', { name: 'Müller GmbH' }));
  await until(async () => (await table.getByRole('button', { name: 'Müller GmbH' }).count()) === 0, 'the deal gone from the list');
}

/** A save the CRM fails (the fake's 500): its framing in `words`' language, the typing kept. */
async function crmErrorJourney(language, words) {
  await crm.reset('stardex');
  const s = await open({ provider: 'stardex', base_url: `${crm.url}/stardex`, credentials: CRM_CREDENTIALS.stardex, language, timeout_ms: 2500 });
  const page = s.page;
  await visible(page.getByRole('table', { name: words['list-heading'] }));
  await page.getByRole('button', { name: words['list-new'], exact: true }).click();
  await page.getByLabel(words['field-name'], { exact: true }).fill('Initech');
  await page.getByLabel(words['field-stage'], { exact: true }).selectOption({ label: 'Proposal' });
  await crm.fault('stardex', { kind: '500', method: 'POST', path: '/v1/deals' });
  await page.getByRole('button', { name: words['form-save'], exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: words['outcome-not-saved'] });
  await visible(alert);
  // The CRM's status in the language's own framing.
  const framing = words['error-crm-problem-because'].split('{')[0].trim();
  await hasText(alert, framing);
  assert.equal(await page.getByLabel(words['field-name'], { exact: true }).inputValue(), 'Initech', 'the typing is kept');
  assert.deepEqual(await axe(page), [], 'axe on the CRM\'s error');
  await done(s, ['500']);
}

describe('German', () => {
  test('the browser\'s language chooses German: create, a validation error, delete, axe clean', async () => {
    const s = await open({ sample_data: true }, { locale: 'de-DE' });
    await localJourney(s.page, de);
    const html = await s.page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir, title: document.title }));
    assert.deepEqual(html, { lang: 'de', dir: 'ltr', title: de['title-list'] });
    assert.notEqual(de['list-new'], en['list-new'], 'the German catalog is German');
    // Only the language shown was fetched.
    assert.deepEqual([...new Set(s.fetched)], ['/locales/de.ftl']);
    await done(s);
  });

  test('a CRM\'s refusal is said in German, and the typing is kept', async () => {
    await crmErrorJourney('de', de);
  });
});

describe('Arabic', () => {
  test('`language` chooses Arabic over the browser\'s: right to left, create, a validation error, delete, axe clean', async () => {
    const s = await open({ language: 'ar', sample_data: true });
    const page = s.page;
    await visible(page.getByRole('table', { name: ar['list-heading'] }));
    const html = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
    assert.deepEqual(html, { lang: 'ar', dir: 'rtl' });
    // Laid out right to left: the first column (Name) is the rightmost, and the pager's
    // arrows point the other way.
    const [first, second] = await page.getByRole('columnheader').evaluateAll((ths) => ths.slice(0, 2).map((th) => th.getBoundingClientRect().x));
    assert.ok(first > second, `the Name column right of the Amount column (${first} vs ${second})`);
    const previous = page.getByRole('button', { name: ar['pager-previous'] });
    assert.match(await previous.evaluate((b) => getComputedStyle(b, '::before').content), /→/);
    assert.deepEqual([...new Set(s.fetched)], ['/locales/ar.ftl']);
    await localJourney(page, ar);
    await done(s);
  });

  test('a CRM\'s refusal is said in Arabic, and the typing is kept', async () => {
    await crmErrorJourney('ar', ar);
  });
});

describe('the widget', () => {
  /** A host page in German holding a local widget. */
  const hostPage = (path, attributes = '') => {
    server.page(path, `<!doctype html><html lang="de-CH"><head><meta charset="utf-8"><title>Intranet</title>
<script type="module" src="/dealform.js"></script></head>
<body><main><h1>Intranet</h1><deal-form id="w" sample-data ${attributes}></deal-form></main></body></html>`);
    return `${server.url.replace(/\/$/, '')}${path}`;
  };

  test('speaks the host page\'s language, and a change of `language` re-renders it in place, the draft kept', async () => {
    const fr = catalog('fr');
    const s = await openApp(browser, hostPage('/de-host.html'));
    const page = s.page;
    await visible(page.getByRole('table', { name: de['list-heading'] }));
    await page.getByRole('button', { name: de['list-new'], exact: true }).click();
    await page.getByLabel(de['field-name'], { exact: true }).fill('Gemischtwaren AG');
    await page.getByLabel(de['field-amount'], { exact: true }).fill('abc');
    await page.getByLabel(de['field-name'], { exact: true }).focus();
    const container = () => page.locator('deal-form').evaluate((el) => { const c = el.shadowRoot.querySelector('.df-widget'); return [c.lang, c.dir]; });
    assert.deepEqual(await container(), ['de', 'ltr']);
    // The host switches the widget to French: the form stays open, with what was typed.
    const amountError = (words) => words['error-amount-number'].split('{')[0].trim();
    await visible(page.getByText(amountError(de)));
    await page.locator('deal-form').evaluate((el) => el.setAttribute('language', 'fr'));
    await visible(page.getByRole('heading', { name: fr['form-title-new'] }));
    assert.equal(await page.getByLabel(fr['field-name'], { exact: true }).inputValue(), 'Gemischtwaren AG');
    assert.equal(await page.getByLabel(fr['field-amount'], { exact: true }).inputValue(), 'abc');
    assert.deepEqual(await container(), ['fr', 'ltr']);
    // Nothing was built again: the focus stays in the field, the amount's error is said anew in
    // French, and the form does not announce a draft restored.
    assert.equal((await focused(page)).label, fr['field-name']);
    await visible(page.getByText(amountError(fr)));
    assert.equal(await page.getByText(fr['form-restored']).count(), 0);
    // And to Arabic: right to left.
    await page.locator('deal-form').evaluate((el) => el.setAttribute('language', 'ar'));
    await visible(page.getByRole('heading', { name: ar['form-title-new'] }));
    assert.equal(await page.getByLabel(ar['field-name'], { exact: true }).inputValue(), 'Gemischtwaren AG');
    assert.deepEqual(await container(), ['ar', 'rtl']);
    // Without the attribute, the host page's language again.
    await page.locator('deal-form').evaluate((el) => el.removeAttribute('language'));
    await visible(page.getByRole('heading', { name: de['form-title-new'] }));
    assert.equal(await page.getByLabel(de['field-name'], { exact: true }).inputValue(), 'Gemischtwaren AG');
    assert.deepEqual(await axe(page), []);
    // A language there is no catalog for is the configuration's mistake, named.
    await page.locator('deal-form').evaluate((el) => el.setAttribute('language', 'tlh'));
    await visible(page.getByRole('alert').filter({ hasText: '“language”' }));
    await done(s);
  });
});

describe('messages in the configuration', () => {
  test('replace the catalog\'s words by key, and a key that does not exist is refused by name', async () => {
    let s = await open({ sample_data: true, messages: { 'list-new': 'New opportunity', 'list-heading': 'Opportunities' } });
    await visible(s.page.getByRole('table', { name: 'Opportunities' }));
    await s.page.getByRole('button', { name: 'New opportunity', exact: true }).click();
    await visible(s.page.getByRole('heading', { name: en['form-title-new'] }));
    await done(s);

    s = await open({ messages: { 'list-neu': 'Neu' } });
    const alert = s.page.getByRole('alert').filter({ hasText: '“messages.list-neu”' });
    await visible(alert);
    await hasText(alert, 'is not a message of dealform\'s catalogs');
    await done(s);

    s = await open({ messages: { 'list-new': 'New { opportunity' } });
    await visible(s.page.getByRole('alert').filter({ hasText: '“messages.list-new”' }));
    await done(s);
  });

  test('a catalog that cannot be fetched offers Retry, and then the app comes in its language', async () => {
    server.config = null;
    const s = await openApp(browser, server.url, {
      locale: 'es-ES',
      setup: (page) => page.route(/\/locales\/es\.ftl$/, (route) => route.abort()),
    });
    const es = catalog('es');
    const failed = s.page.getByRole('alert').filter({ hasText: 'locales/es.ftl' });
    await visible(failed);
    await s.page.unroute(/\/locales\/es\.ftl$/);
    await failed.getByRole('button', { name: 'Retry' }).click();
    await visible(s.page.getByRole('button', { name: es['list-new'], exact: true }));
    await done(s, ['Failed to load resource']);
  });
});

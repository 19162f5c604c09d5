// The account's own fields (`fields` in the configuration), end to end: shown in the form after
// the built-in ones, checked there, saved, listed as columns, edited, and refused at the field by
// the CRM, on the local backend and on each CRM's fake, whose account has a tier (gold, silver or
// bronze) and a number of seats (0 to 500) under the vendor's own keys.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CRM_CREDENTIALS, forEveryCrm, hasText, launch, openApp, rows, seedStorage, serveDist, startFakeCrm, until, visible } from './harness.mjs';

/** Per CRM: the keys of its account's tier and seats (as tests/fake-crm/src/account_fields.rs
 *  sets them up), and what its create needs beyond a name; `null` where the API has no custom
 *  fields (YSUITE), whose configuration is refused. */
const CRM_FIELDS = {
  stardex: { tier: '5e1f0a2b-0000-4000-8000-00000000a001', seats: '5e1f0a2b-0000-4000-8000-00000000a002', extra: { Stage: 'Proposal' } },
  hubspot: { tier: 'deal_tier', seats: 'seat_count', extra: { Stage: 'Presentation scheduled' } },
  ysuite: null,
  attio: { tier: 'tier', seats: 'seats', extra: { Stage: 'In Progress' }, owner: 'person@company.com' },
  heffl: { tier: 'cf_tier', seats: 'cf_seats', extra: { Stage: 'Quoted' }, company: 'clt_acme' },
};

/** A select of tiers (offering one the CRM's account lacks: platinum) and a number of seats,
 *  both list columns, under `keys`. */
const fields = (keys) => [
  { key: keys.tier, label: 'Tier', type: 'select', column: true,
    options: [{ value: 'gold', label: 'Gold' }, { value: 'silver', label: 'Silver' }, { value: 'platinum', label: 'Platinum' }] },
  { key: keys.seats, label: 'Seats', type: 'number', min: 1, max: 1000, column: true },
];

let server, browser, crm;
before(async () => { server = await serveDist(); browser = await launch(); crm = await startFakeCrm(); });
after(async () => { await browser?.close(); await server?.close(); crm?.stop(); });

async function done({ context, problems }, allowed = []) {
  await context.close();
  const unexpected = problems.filter((m) => !allowed.some((a) => m.includes(a)));
  assert.deepEqual(unexpected, [], 'no unexpected console errors or exceptions');
}

/** The message a control is described by, as a screen reader reads it after the label. */
const description = (control) => control.evaluate((el) => (el.getAttribute('aria-describedby') || '')
  .split(' ').map((id) => document.getElementById(id)?.textContent || '').join(' ').trim());

/** Chooses `label` in the select labelled `field` with the keyboard alone: focus, then the
 *  arrow keys until it is chosen. */
async function chooseByKeyboard(page, field, label) {
  const select = page.getByLabel(field, { exact: true });
  await select.focus();
  for (let i = 0; i < 10; i++) {
    if (await select.evaluate((el, want) => el.selectedOptions[0]?.textContent === want, label)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`${label} is not among the options of ${field}`);
}

const headers = async (page) => (await page.getByRole('columnheader').allInnerTexts()).map((t) => t.replace(/[▲▼↕]/g, '').trim());

describe('the account\'s own fields on the local backend', () => {
  test('are shown after the built-in ones, checked, saved, listed as columns and edited', async () => {
    server.config = JSON.stringify({ fields: [...fields({ tier: 'tier', seats: 'seats' }), { key: 'signed', label: 'Contract signed', type: 'checkbox' }] });
    const s = await openApp(browser, server.url);
    const { page } = s;
    await visible(page.getByRole('heading', { name: 'Deals' }));
    await page.getByRole('button', { name: 'New deal' }).click();
    await visible(page.getByRole('heading', { name: 'New deal' }));
    await page.getByLabel('Name', { exact: true }).fill('Globex renewal');
    await chooseByKeyboard(page, 'Tier', 'Gold');
    await page.getByLabel('Seats', { exact: true }).fill('1,500');
    await page.getByLabel('Contract signed', { exact: true }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    // The form's own rules first, with a message at the field.
    await hasText(page.getByRole('alert').filter({ hasText: 'need' }), '1 field needs attention before saving: Seats.');
    assert.equal(await description(page.getByLabel('Seats', { exact: true })), 'Seats must be at most 1000');
    await page.getByLabel('Seats', { exact: true }).fill('12');
    await page.getByRole('button', { name: 'Save' }).click();
    await hasText(page.getByRole('status').filter({ hasText: 'Created' }), 'Created “Globex renewal”.');
    await until(async () => (await rows(page)).some((r) => r[0] === 'Globex renewal'), 'the new deal in the list');
    const row = (await rows(page)).find((r) => r[0] === 'Globex renewal');
    assert.deepEqual(row.slice(-2), ['Gold', '12']);
    assert.deepEqual((await headers(page)).slice(-2), ['Tier', 'Seats']);

    await page.getByRole('button', { name: 'Globex renewal', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Edit deal' }));
    assert.equal(await page.getByLabel('Seats', { exact: true }).inputValue(), '12');
    assert.ok(await page.getByLabel('Contract signed', { exact: true }).isChecked());
    await chooseByKeyboard(page, 'Tier', 'Silver');
    await page.getByLabel('Seats', { exact: true }).fill('1,250.5');
    await page.getByLabel('Seats', { exact: true }).fill('20');
    // What was typed survives a reload, as every other field's does.
    await page.reload();
    await visible(page.getByRole('heading', { name: 'Deals' }));
    await page.getByRole('button', { name: 'Globex renewal', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Edit deal' }));
    assert.equal(await page.getByLabel('Seats', { exact: true }).inputValue(), '20');
    assert.equal(await page.getByLabel('Tier', { exact: true }).evaluate((el) => el.selectedOptions[0].textContent), 'Silver');
    await page.getByRole('button', { name: 'Save' }).click();
    await hasText(page.getByRole('status').filter({ hasText: 'Saved' }), 'Saved changes to “Globex renewal”.');
    await until(async () => {
      const r = (await rows(page)).find((x) => x[0] === 'Globex renewal');
      return r?.at(-2) === 'Silver' && r?.at(-1) === '20';
    }, 'the edited tier and seats in the list');
    await done(s);
  });

  test('a listed field sorts the list, a select in its options\' order', async () => {
    server.config = JSON.stringify({ namespace: 'sorted', fields: fields({ tier: 'tier', seats: 'seats' }) });
    const deal = (id, name, tier, seats) => ({ id, fields: { name, amount: null, stage: null, close_date: null, probability: null, owner: null, company: null, description: null, custom: { tier, seats } } });
    const store = { version: 1, next_id: 4, deals: [deal('1', 'Alpha', 'silver', 30), deal('2', 'Beta', 'gold', 4), deal('3', 'Gamma', 'platinum', 12)] };
    const s = await openApp(browser, server.url, { init: seedStorage('sorted.deals.v1', JSON.stringify(store)) });
    const { page } = s;
    await visible(page.getByRole('table', { name: 'Deals' }));
    await page.getByRole('button', { name: 'Seats' }).click();
    await until(async () => (await rows(page)).map((r) => r[0]).join() === 'Beta,Gamma,Alpha', 'sorted by seats');
    assert.equal(await page.getByRole('columnheader', { name: 'Seats' }).getAttribute('aria-sort'), 'ascending');
    await page.getByRole('button', { name: 'Tier' }).click();
    await until(async () => (await rows(page)).map((r) => r[0]).join() === 'Beta,Alpha,Gamma', 'sorted by tier: gold, silver, platinum');
    await done(s);
  });

  test('a widget\'s configuration carries them, and its events tell the host page their values by key', async () => {
    const config = { namespace: 'fields-widget', fields: fields({ tier: 'tier', seats: 'seats' }) };
    server.page('/fields-widget.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Widget</title><link rel="icon" href="data:,">
      <script>window.created = []; document.addEventListener('dealform:created', (e) => created.push(e.detail));</script>
      <script type="module" src="/dealform.js"></script></head>
      <body><main><deal-form config='${JSON.stringify(config)}'></deal-form></main></body></html>`);
    const s = await openApp(browser, `${server.url}fields-widget.html`);
    const widget = s.page.locator('deal-form');
    await widget.getByRole('button', { name: 'New deal' }).click();
    await widget.getByLabel('Name', { exact: true }).fill('Widget deal');
    await chooseByKeyboard(s.page, 'Tier', 'Silver');
    await widget.getByLabel('Seats', { exact: true }).fill('7');
    await widget.getByRole('button', { name: 'Save' }).click();
    await until(() => s.page.evaluate(() => created.length === 1), 'a created event');
    assert.deepEqual(await s.page.evaluate(() => created[0].fields.custom), { tier: 'silver', seats: 7 });
    await done(s);
  });

  test('a pattern is checked with its own message, and a date the browser cannot read is caught', async () => {
    server.config = JSON.stringify({
      namespace: 'fields-pattern',
      fields: [
        { key: 'po', label: 'PO number', type: 'text', required: true, pattern: 'PO-[0-9]{6}', pattern_message: 'PO number must look like PO-123456', column: true },
        { key: 'kickoff', label: 'Kick-off', type: 'date' },
      ],
    });
    const s = await openApp(browser, server.url);
    const { page } = s;
    await page.getByRole('button', { name: 'New deal' }).click();
    await visible(page.getByRole('heading', { name: 'New deal' }));
    await page.getByLabel('Name', { exact: true }).fill('Patterned deal');
    const po = page.getByLabel('PO number', { exact: true });
    await po.fill('PO-12');
    const kickoff = page.getByLabel('Kick-off', { exact: true });
    await kickoff.click();
    await page.keyboard.type('02302027');
    assert.equal(await kickoff.inputValue(), '', 'the browser reads February 30 as no value');
    await page.getByRole('button', { name: 'Save' }).click();
    await hasText(page.getByRole('alert').filter({ hasText: 'need' }), '2 fields need attention before saving: PO number and Kick-off.');
    assert.equal(await description(po), 'PO number must look like PO-123456');
    assert.equal(await description(kickoff), 'Enter a whole date that exists, or clear the field');
    assert.equal(await kickoff.getAttribute('aria-invalid'), 'true');
    await po.fill('PO-123456');
    await kickoff.fill('2027-02-27');
    await page.getByRole('button', { name: 'Save' }).click();
    await hasText(page.getByRole('status').filter({ hasText: 'Created' }), 'Created “Patterned deal”.');
    await until(async () => (await rows(page)).some((r) => r[0] === 'Patterned deal' && r.at(-1) === 'PO-123456'), 'the PO number in the list');
    await done(s);
  });

  test('a pattern that is no regular expression is refused, naming it', async () => {
    server.config = JSON.stringify({ fields: [{ key: 'po', label: 'PO', type: 'text', pattern: 'PO-[0-9' }] });
    const s = await openApp(browser, server.url);
    await hasText(s.page.getByRole('alert').filter({ hasText: 'The configuration needs fixing' }),
      'config.json: “fields[0].pattern” is not a regular expression: found unclosed character class');
    await done(s);
  });

  test('built-in fields are relabelled, hidden and reordered, and a hidden one keeps its value through an edit', async () => {
    server.config = JSON.stringify({
      sample_data: true, namespace: 'arranged',
      fields: [{ builtin: 'description', label: 'Notes' }, { key: 'tier', label: 'Tier', type: 'text' }, { builtin: 'probability', hidden: true }],
    });
    const s = await openApp(browser, server.url);
    const { page } = s;
    await page.getByRole('button', { name: 'Fundstack contract', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Edit deal' }));
    const labels = await page.locator('form label').allInnerTexts();
    assert.deepEqual(labels, ['Name', 'Amount', 'Currency', 'Stage', 'Close date', 'Owner', 'Company', 'Notes', 'Tier']);
    await page.getByLabel('Notes', { exact: true }).fill('Called on Monday');
    await page.getByRole('button', { name: 'Save' }).click();
    await hasText(page.getByRole('status').filter({ hasText: 'Saved' }), 'Saved changes to “Fundstack contract”.');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('arranged.deals.v1')));
    const deal = stored.deals.find((d) => d.fields.name === 'Fundstack contract');
    assert.equal(deal.fields.description, 'Called on Monday');
    assert.ok(deal.fields.probability > 0, 'the hidden win probability is kept');
    await done(s);
  });

  for (const list of ['pages', 'scroll']) {
    test(`the list's columns follow the arrangement: a hidden company has none, a relabelled owner its label (${list})`, async () => {
      server.config = JSON.stringify({
        sample_data: true, namespace: `columns-${list}`, list,
        fields: [{ builtin: 'company', hidden: true }, { builtin: 'owner', label: 'Account manager' }],
      });
      const s = await openApp(browser, server.url);
      const { page } = s;
      await until(async () => (await headers(page)).length > 0, 'the headers');
      assert.deepEqual(await headers(page), ['Name', 'Amount', 'Stage', 'Close date', 'Account manager']);
      await until(async () => (await rows(page)).some((r) => r[0] === 'Fundstack contract'), 'a sample deal');
      assert.equal((await rows(page)).find((r) => r[0] === 'Fundstack contract').length, 5, 'five cells in a row');
      await done(s);
    });
  }

  test('a field the backend requires cannot be hidden, and the configuration says so', async () => {
    server.config = JSON.stringify({ fields: [{ builtin: 'name', hidden: true }] });
    const s = await openApp(browser, server.url);
    await hasText(s.page.getByRole('alert').filter({ hasText: 'The configuration needs fixing' }),
      'config.json: “fields[0].hidden” cannot be hidden: the name field is required here');
    await done(s);
  });

  test('a mistake in a field\'s description is named before anything shows', async () => {
    server.config = JSON.stringify({ fields: [{ key: 'tier', label: 'Tier', type: 'dropdown' }] });
    const s = await openApp(browser, server.url);
    await hasText(s.page.getByRole('alert').filter({ hasText: 'The configuration needs fixing' }),
      'config.json: “fields[0].type” “dropdown” is not a field type; use text, long_text, number, money, date, select, checkbox, email, url, phone, person or company');
    await done(s);
  });
});

for (const [name, keys] of forEveryCrm(CRM_FIELDS, 'CRM_FIELDS')) {
  describe(`the account's own fields at ${name}`, () => {
    const config = (fieldList) => JSON.stringify({
      provider: name, base_url: `${crm.url}/${name}`, credentials: CRM_CREDENTIALS[name], page_size: 50, timeout_ms: 2500, fields: fieldList,
    });

    if (keys === null) {
      test('are refused by the configuration, saying the API has none', async () => {
        server.config = config(fields({ tier: 'tier', seats: 'seats' }));
        const s = await openApp(browser, server.url);
        await hasText(s.page.getByRole('alert').filter({ hasText: 'The configuration needs fixing' }),
          'config.json: “fields[0].key” cannot be set: this CRM\'s API has no custom fields');
        await done(s);
      });
      return;
    }

    test('are created, listed, edited, and refused at the field by the CRM', async () => {
      await crm.reset(name);
      server.config = config(fields(keys));
      const s = await openApp(browser, server.url);
      const { page } = s;
      await visible(page.getByRole('table', { name: 'Deals' }));
      assert.deepEqual((await headers(page)).slice(-2), ['Tier', 'Seats']);
      await page.getByRole('button', { name: 'New deal' }).click();
      await visible(page.getByRole('heading', { name: 'New deal' }));
      await page.getByLabel('Name', { exact: true }).fill(`Tiered ${name} deal`);
      for (const [label, option] of Object.entries(keys.extra)) await page.getByLabel(label, { exact: true }).selectOption({ label: option });
      if (keys.owner) await page.getByLabel('Owner', { exact: true }).fill(keys.owner);
      if (keys.company) await page.getByLabel('Company', { exact: true }).fill(keys.company);
      await chooseByKeyboard(page, 'Tier', 'Gold');
      await page.getByLabel('Seats', { exact: true }).fill('12');
      await page.getByRole('button', { name: 'Save' }).click();
      await hasText(page.getByRole('status').filter({ hasText: 'Created' }), `Created “Tiered ${name} deal”.`);
      await until(async () => (await rows(page)).some((r) => r[0] === `Tiered ${name} deal`), 'the new deal in the list');
      assert.deepEqual((await rows(page)).find((r) => r[0] === `Tiered ${name} deal`).slice(-2), ['Gold', '12'], 'read back from the CRM');

      await page.getByRole('button', { name: `Tiered ${name} deal`, exact: true }).click();
      await visible(page.getByRole('heading', { name: 'Edit deal' }));
      assert.equal(await page.getByLabel('Seats', { exact: true }).inputValue(), '12');
      await page.getByLabel('Seats', { exact: true }).fill('20');
      await page.getByRole('button', { name: 'Save' }).click();
      await hasText(page.getByRole('status').filter({ hasText: 'Saved' }), `Saved changes to “Tiered ${name} deal”.`);
      await until(async () => (await rows(page)).find((r) => r[0] === `Tiered ${name} deal`)?.at(-1) === '20', 'the edited seats in the list');

      // Platinum passes the form's rules (the configuration offers it) but not the CRM's.
      await page.getByRole('button', { name: `Tiered ${name} deal`, exact: true }).click();
      await visible(page.getByRole('heading', { name: 'Edit deal' }));
      await chooseByKeyboard(page, 'Tier', 'Platinum');
      await page.getByRole('button', { name: 'Save' }).click();
      await hasText(page.getByRole('alert').filter({ hasText: 'not saved' }), 'check Tier');
      const tier = page.getByLabel('Tier', { exact: true });
      assert.equal(await tier.getAttribute('aria-invalid'), 'true');
      assert.match(await description(tier), /platinum/);
      await until(async () => (await page.evaluate(() => document.activeElement?.id)) === (await tier.getAttribute('id')), 'the focus at the refused field');
      await done(s, ['400']);
    });
  });
}

// Owners and companies picked by name (issue #29, part 2): the ARIA combobox on the local
// backend, which offers the names already used in its deals, and on a CRM with the
// configuration's lists, which saves their ids; the fallback to a typed id; axe with a picker open.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe as axeOf, CRM_CREDENTIALS, hasText, launch, openApp, rows, serveDist, startFakeCrm, until, visible } from './harness.mjs';

let server, browser, crm;
before(async () => { server = await serveDist(); browser = await launch(); crm = await startFakeCrm(); });
after(async () => { await browser?.close(); await server?.close(); crm?.stop(); });

async function done({ context, problems }) {
  await context.close();
  assert.deepEqual(problems, [], 'no console errors or exceptions');
}

/** axe's WCAG 2.2 AA findings on the page. */
const axe = (page) => axeOf(server, page);

/** Opens the app on `name`'s fake CRM, freshly reset, once its list shows. */
async function openAtCrm(name) {
  await crm.reset(name);
  server.config = JSON.stringify({ provider: name, base_url: `${crm.url}/${name}`, credentials: CRM_CREDENTIALS[name], page_size: 50, timeout_ms: 2500 });
  const s = await openApp(browser, server.url);
  await visible(s.page.getByRole('table', { name: 'Deals' }));
  return s;
}

/** Types `letters` into the combobox labelled `label`, then moves to `choice` with the arrow keys
 *  and picks it with Enter: the keyboard alone. */
async function pickByKeyboard(page, label, letters, choice) {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.focus();
  await page.keyboard.type(letters);
  const options = page.getByRole('listbox', { name: `${label} choices` }).getByRole('option');
  await until(async () => (await options.allInnerTexts()).some((t) => t.startsWith(choice)), `${choice} offered`);
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    if (active && (await page.locator(`[id="${active}"]`).innerText()).startsWith(choice)) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`${choice} could not be reached with the arrow keys`);
}

describe('pickers on the local backend', () => {
  test('offer the owners and companies already used, picked with the keyboard, and the list shows them', async () => {
    server.config = JSON.stringify({ sample_data: true, namespace: 'pick-local' });
    const s = await openApp(browser, server.url);
    const { page } = s;
    await visible(page.getByRole('table', { name: 'Deals' }));
    await page.getByRole('button', { name: 'New deal' }).click();
    await visible(page.getByRole('heading', { name: 'New deal' }));
    await page.getByLabel('Name', { exact: true }).fill('Picked deal');
    await pickByKeyboard(page, 'Owner', 'smi', 'John Smith');
    assert.equal(await page.getByRole('combobox', { name: 'Owner' }).inputValue(), 'John Smith');
    assert.equal(await page.getByRole('combobox', { name: 'Owner' }).getAttribute('aria-expanded'), 'false');
    // A new one is taken as typed: the local backend keeps names.
    await page.getByRole('combobox', { name: 'Company', exact: true }).fill('Brand New Ltd');
    await hasText(page.getByText(/No match for/), 'No match for “Brand New Ltd”: what you typed is kept as the id.');
    await page.keyboard.press('Escape');
    await visible(page.getByRole('heading', { name: 'New deal' }));
    await page.getByRole('button', { name: 'Save' }).click();
    await hasText(page.getByRole('status').filter({ hasText: 'Created' }), 'Created “Picked deal”.');
    await until(async () => (await rows(page)).some((r) => r[0] === 'Picked deal' && r[4] === 'John Smith' && r[5] === 'Brand New Ltd'), 'the owner and company in the list');
    await done(s);
  });

  test('axe finds nothing in the form with a picker open', async () => {
    server.config = JSON.stringify({ sample_data: true, namespace: 'pick-axe' });
    const s = await openApp(browser, server.url);
    const { page } = s;
    await page.getByRole('button', { name: 'New deal' }).click();
    const box = page.getByRole('combobox', { name: 'Owner', exact: true });
    await box.focus();
    await page.keyboard.press('ArrowDown');
    await until(async () => (await box.getAttribute('aria-expanded')) === 'true', 'the list open');
    await page.keyboard.press('ArrowDown');
    assert.deepEqual(await axe(page), []);
    await done(s);
  });
});

describe('pickers on a CRM', () => {
  test('pick by name from the configuration\'s lists and save the ids, shown by name again', async () => {
    await crm.reset('heffl');
    server.config = JSON.stringify({
      provider: 'heffl', base_url: `${crm.url}/heffl`, credentials: CRM_CREDENTIALS.heffl, page_size: 50, timeout_ms: 2500,
      owners: [{ id: 'usr_1', label: 'Mira Jones', detail: 'mira@heffl.test' }, { id: 'usr_2', label: 'Omar Diaz', detail: 'omar@heffl.test' }],
      companies: [{ id: 'clt_acme', label: 'Acme GmbH', detail: 'acme.de' }, { id: 'clt_init', label: 'Initech', detail: 'initech.com' }],
    });
    const s = await openApp(browser, server.url);
    const { page } = s;
    await visible(page.getByRole('table', { name: 'Deals' }));
    await page.getByRole('button', { name: 'New deal' }).click();
    await visible(page.getByRole('heading', { name: 'New deal' }));
    await page.getByLabel('Name', { exact: true }).fill('Picked at Heffl');
    await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Quoted' });
    await pickByKeyboard(page, 'Owner', 'mira', 'Mira Jones');
    await pickByKeyboard(page, 'Company', 'acme', 'Acme GmbH');
    await page.getByRole('button', { name: 'Save' }).click();
    // Heffl takes only usr_/clt_ ids: accepted, the ids went on the wire.
    await hasText(page.getByRole('status').filter({ hasText: 'Created' }), 'Created “Picked at Heffl”.');
    await until(async () => (await rows(page)).some((r) => r[0] === 'Picked at Heffl' && r[4] === 'Mira' && r[5] === 'Acme GmbH'), 'the owner and company by name in the list');
    await page.getByRole('button', { name: 'Picked at Heffl', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Edit deal' }));
    assert.equal(await page.getByRole('combobox', { name: 'Company' }).inputValue(), 'Acme GmbH');
    await done(s);
  });

  test('a custom field of type person is a picker too, and listed by name', async () => {
    await crm.reset('heffl');
    server.config = JSON.stringify({
      provider: 'heffl', base_url: `${crm.url}/heffl`, credentials: CRM_CREDENTIALS.heffl, page_size: 50, timeout_ms: 2500,
      owners: [{ id: 'usr_7', label: 'Kim Novak', detail: 'kim@heffl.test' }],
      fields: [{ key: 'cf_reviewer', label: 'Reviewer', type: 'person', column: true }],
    });
    const s = await openApp(browser, server.url);
    const { page } = s;
    await visible(page.getByRole('table', { name: 'Deals' }));
    await page.getByRole('button', { name: 'New deal' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Reviewed deal');
    await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Quoted' });
    await page.getByLabel('Company', { exact: true }).fill('clt_acme');
    await pickByKeyboard(page, 'Reviewer', 'nov', 'Kim Novak');
    await page.getByRole('button', { name: 'Save' }).click();
    await hasText(page.getByRole('status').filter({ hasText: 'Created' }), 'Created “Reviewed deal”.');
    await until(async () => (await rows(page)).some((r) => r[0] === 'Reviewed deal' && r.at(-1) === 'Kim Novak'), 'the reviewer by name in the list');
    await done(s);
  });

  test('a name that is no choice stays a typed id, checked as one', async () => {
    await crm.reset('heffl');
    server.config = JSON.stringify({
      provider: 'heffl', base_url: `${crm.url}/heffl`, credentials: CRM_CREDENTIALS.heffl, timeout_ms: 2500,
      owners: [{ id: 'usr_1', label: 'Mira Jones' }],
    });
    const s = await openApp(browser, server.url);
    const { page } = s;
    await page.getByRole('button', { name: 'New deal' }).click();
    await page.getByRole('combobox', { name: 'Owner', exact: true }).fill('Someone Else');
    await page.getByRole('button', { name: 'Save' }).click();
    await until(async () => (await page.getByRole('combobox', { name: 'Owner' }).getAttribute('aria-invalid')) === 'true', 'the owner refused');
    await hasText(page.getByText('Owner must be an id starting with usr_'), 'Owner must be an id starting with usr_');
    await done(s);
  });

  for (const [name, p] of [
    ['hubspot', { stage: 'Presentation scheduled', owner: ['sam', 'Sam Lee'], company: ['init', 'Initech'], ownerPath: '/crm/v3/owners' }],
    ['attio', { stage: 'In Progress', owner: ['per', 'Per Son'], company: ['init', 'Initech'], ownerPath: '/v2/workspace_members' }],
  ]) {
    test(`at ${name}, owners and companies come from its own look-ups, are saved as ids and listed by name`, async () => {
      const s = await openAtCrm(name);
      const { page } = s;
      await page.getByRole('button', { name: 'New deal' }).click();
      await visible(page.getByRole('heading', { name: 'New deal' }));
      await page.getByLabel('Name', { exact: true }).fill(`Picked at ${name}`);
      await page.getByLabel('Stage', { exact: true }).selectOption({ label: p.stage });
      await pickByKeyboard(page, 'Owner', ...p.owner);
      if (p.company) await pickByKeyboard(page, 'Company', ...p.company);
      await page.getByRole('button', { name: 'Save' }).click();
      await hasText(page.getByRole('status').filter({ hasText: 'Created' }), `Created “Picked at ${name}”.`);
      await until(async () => (await rows(page)).some((r) => r[0] === `Picked at ${name}` && r[4] === p.owner[1] && r[5] === p.company[1]), 'the owner and company by name in the list');
      // A new session knows no names yet: the list asks the look-ups once and shows them.
      const again = await openApp(browser, server.url);
      await until(async () => (await rows(again.page)).some((r) => r[0] === `Picked at ${name}` && r[4] === p.owner[1] && r[5] === p.company[1]), 'the names after a reload');
      await again.page.getByRole('button', { name: `Picked at ${name}`, exact: true }).click();
      await visible(again.page.getByRole('heading', { name: 'Edit deal' }));
      assert.equal(await again.page.getByRole('combobox', { name: 'Owner' }).inputValue(), p.owner[1]);
      assert.equal(await again.page.getByRole('combobox', { name: 'Company' }).inputValue(), p.company[1]);
      await done(again);
      await done(s);
    });

    test(`at ${name}, a failed look-up says so at the field and an id can still be typed`, async () => {
      const s = await openAtCrm(name);
      const { page } = s;
      await crm.fault(name, { kind: '500', path: p.ownerPath.split('?')[0], remaining: 5 });
      await page.getByRole('button', { name: 'New deal' }).click();
      const box = page.getByRole('combobox', { name: 'Owner', exact: true });
      await box.fill('zz');
      await hasText(page.getByText(/could not be looked up/), 'Type the id instead.');
      assert.equal(await box.isEditable(), true);
      await s.context.close();
      assert.deepEqual(s.problems.filter((m) => !m.includes('500')), [], 'no console errors but the refused look-up');
    });
  }

  // Stardex, YSUITE and Heffl show no look-up in their public docs: their most likely paths are
  // in the provider's routes, which the configuration can replace.
  for (const [name, p] of [
    ['stardex', { stage: 'Proposal', owner: ['ros', 'Rosa Park'], company: ['glob', 'Globex'] }],
    ['ysuite', { pipeline: 'Renewals', company: ['umb', 'Umbrella Ltd'] }],
    ['heffl', { stage: 'Quoted', owner: ['oma', 'Omar Diaz'], company: ['init', 'Initech'] }],
  ]) {
    test(`at ${name}, the unverified look-ups offer names, saved as ids`, async () => {
      const s = await openAtCrm(name);
      const { page } = s;
      await page.getByRole('button', { name: 'New deal' }).click();
      await visible(page.getByRole('heading', { name: 'New deal' }));
      await page.getByLabel('Name', { exact: true }).fill(`Looked up at ${name}`);
      if (p.stage) await page.getByLabel('Stage', { exact: true }).selectOption({ label: p.stage });
      if (p.pipeline) await page.getByLabel('Pipeline', { exact: true }).selectOption({ label: p.pipeline });
      if (p.owner) await pickByKeyboard(page, 'Owner', ...p.owner);
      else {
        // No look-up of owners: a text box for the id, which says why.
        assert.equal(await page.getByRole('combobox', { name: 'Owner' }).count(), 0);
        await visible(page.getByRole('textbox', { name: 'Owner' }));
        await visible(page.getByText('YSUITE has no look-up of owners: type the id (a whole number id)', { exact: true }));
      }
      await pickByKeyboard(page, 'Company', ...p.company);
      await page.getByRole('button', { name: 'Save' }).click();
      await hasText(page.getByRole('status').filter({ hasText: 'Created' }), `Created “Looked up at ${name}”.`);
      await until(async () => (await rows(page)).some((r) => r[0] === `Looked up at ${name}` && (!p.owner || r[4] === p.owner[1]) && r[5] === p.company[1]), 'the owner and company by name in the list');
      await page.getByRole('button', { name: `Looked up at ${name}`, exact: true }).click();
      await visible(page.getByRole('heading', { name: 'Edit deal' }));
      assert.equal(await page.getByRole('combobox', { name: 'Company' }).inputValue(), p.company[1]);
      await done(s);
    });
  }

  test('a look-up path the configuration replaces is the one asked', async () => {
    await crm.reset('stardex');
    server.config = JSON.stringify({
      provider: 'stardex', base_url: `${crm.url}/stardex`, credentials: CRM_CREDENTIALS.stardex, timeout_ms: 2500,
      routes: { owners: '/v1/people' },
    });
    const s = await openApp(browser, server.url);
    const { page } = s;
    await visible(page.getByRole('table', { name: 'Deals' }));
    await page.getByRole('button', { name: 'New deal' }).click();
    await page.getByRole('combobox', { name: 'Owner', exact: true }).fill('ro');
    await hasText(page.getByText(/could not be looked up/), 'Type the id instead.');
    assert.ok((await crm.requests('stardex')).includes('GET /v1/people'), 'the replaced path asked');
    await s.context.close();
    assert.deepEqual(s.problems.filter((m) => !m.includes('404')), []);
  });
});


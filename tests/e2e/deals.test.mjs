// The whole user journey on the embedded local backend, on the release build.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createDeal, fillDeal, focused, hasText, launch, openApp, rows, seedStorage, serveDist, until, visible } from './harness.mjs';

let server, browser;
const opened = [];
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function app(options) {
  const session = await openApp(browser, server.url, options);
  opened.push(session);
  await visible(session.page.getByRole('heading', { name: 'Deals' }));
  return session;
}
/** The deal Initech (100, owned by Ann) open in a form with 250 typed as its amount, while
 *  another tab, on the same browser storage, sets its owner to Bo and saves. */
async function amountTypedWhileAnotherTabSetsTheOwner() {
  server.config = null;
  const s = await app();
  await createDeal(s.page, { name: 'Initech', amount: '100', owner: 'Ann' });
  await s.page.getByRole('button', { name: 'Initech', exact: true }).click();
  await visible(s.page.getByRole('heading', { name: 'Edit deal' }));
  await fillDeal(s.page, { amount: '250' });
  const other = await s.context.newPage();
  await other.goto(server.url);
  await other.getByRole('button', { name: 'Initech', exact: true }).click();
  await visible(other.getByRole('heading', { name: 'Edit deal' }));
  await fillDeal(other, { owner: 'Bo' });
  await other.getByRole('button', { name: 'Save' }).click();
  await hasText(other.getByRole('status').filter({ hasText: 'Saved' }), 'Saved changes to “Initech”.');
  await other.close();
  return s;
}
/** Saves the form of `amountTypedWhileAnotherTabSetsTheOwner`, and checks that the list shows
 *  this tab's amount and the other tab's owner. */
async function savesThisAmountAndTheOtherOwner(s) {
  await s.page.getByRole('button', { name: 'Save' }).click();
  await hasText(s.page.getByRole('status').filter({ hasText: 'Saved' }), 'Saved changes to “Initech”.');
  const [row] = await rows(s.page);
  assert.deepEqual([row[1], row[4]], ['$250.00', 'Bo'], 'this tab\'s amount, and the other tab\'s owner');
  await done(s);
}
async function done({ context, problems }) {
  await context.close();
  assert.deepEqual(problems, [], 'no console errors, exceptions or alerts');
}

describe('the deal list on the local backend', () => {
  test('the release build starts cleanly and shows the empty state', async () => {
    server.config = null;
    const s = await app();
    await hasText(s.page.getByRole('status').filter({ hasText: 'No deals yet' }), 'No deals yet');
    await done(s);
  });

  test('the form\'s code is not on the first load; it comes when the user reaches for it, and a failed fetch offers Retry', async () => {
    server.config = null;
    const chunks = [];
    const splits = [];
    const s = await openApp(browser, server.url, {
      setup: (page) => page.on('request', (r) => { const m = r.url().match(/\/(split_[^/.]*)\.[0-9a-f]{12}\.wasm$/); if (m) splits.push(m[1]); }),
    });
    opened.push(s);
    s.page.on('request', (r) => { if (/\/split_dealform_form\.[0-9a-f]{12}\.wasm$/.test(r.url())) chunks.push(r.url()); });
    await hasText(s.page.getByRole('status').filter({ hasText: 'No deals yet' }), 'No deals yet');
    assert.deepEqual(chunks, [], 'the list shows without the form\'s code');
    assert.deepEqual(splits, ['split_dealform_local'], 'nor the code of the scrolling list or of the CRMs');

    // The network fails. The pointer reaching into the list asks for the form's code, in vain;
    // so does the click on "New deal", which says so.
    await s.page.route(/\/split_dealform_form\.[0-9a-f]{12}\.wasm$/, (route) => route.abort());
    await s.page.getByRole('heading', { name: 'Deals' }).hover();
    await until(async () => chunks.length === 1, 'the pointer over the list to ask for the form\'s code');
    await until(async () => s.problems.length >= 1, 'the chunk loader to report the failed fetch');
    await s.page.getByRole('button', { name: 'New deal' }).focus();
    await s.page.keyboard.press('Enter');
    const failed = s.page.getByRole('alert').filter({ hasText: 'The form could not be opened' });
    await hasText(failed, 'Part of the app could not be fetched. Check the connection, then retry; if that does not help, reload the page.');
    assert.equal(chunks.length, 2, 'a failed fetch is tried again when the form is opened');
    await visible(failed.getByRole('button', { name: 'Back to deals' }));
    // The panel took the place of the list, and of the button pressed: the focus is on its Retry.
    await until(async () => (await focused(s.page))?.text === 'Retry', 'the focus on Retry, not on the page');

    // Back online: Retry opens the form, which works.
    await s.page.unroute(/\/split_dealform_form\.[0-9a-f]{12}\.wasm$/);
    await s.page.keyboard.press('Enter');
    await visible(s.page.getByRole('heading', { name: 'New deal' }));
    await until(async () => (await focused(s.page))?.label?.startsWith('Name'), 'the focus on the form\'s first field');
    await fillDeal(s.page, { name: 'Fetched late', amount: '10' });
    await s.page.getByRole('button', { name: 'Save' }).click();
    await hasText(s.page.getByRole('status').filter({ hasText: 'Created' }), 'Created “Fetched late”.');
    assert.deepEqual((await rows(s.page)).map((r) => r[0]), ['Fetched late']);
    await s.context.close();
    // The failed fetches are reported in the console by the chunk loader, and nothing else is.
    assert.ok(s.problems.length >= 1);
    for (const p of s.problems) assert.match(p, /Failed to fetch|ERR_FAILED|split_dealform_form/, p);
  });

  test('a form whose code does not come says so after 30 s, and Retry fetches it anew once the server answers', async () => {
    server.config = null;
    const FORM = /\/split_dealform_form\.[0-9a-f]{12}\.wasm$/;
    // The server takes the requests for the form's code and never answers. The page's clock is
    // the test's, so the seconds pass at once.
    const held = [];
    const s = await openApp(browser, server.url, {
      setup: async (page) => { await page.clock.install(); await page.route(FORM, (route) => { held.push(route); }); },
    });
    opened.push(s);
    const logged = [];
    s.page.on('console', (m) => { if (m.type() === 'error') logged.push([m.text(), m.location().url]); });
    await hasText(s.page.getByRole('status').filter({ hasText: 'No deals yet' }), 'No deals yet');
    await s.page.getByRole('button', { name: 'New deal' }).click();
    const loading = s.page.getByRole('status').filter({ hasText: 'Loading…' });
    await visible(loading);
    await s.page.clock.runFor(25_000);
    assert.ok(await loading.isVisible(), 'still loading before the 30 s are up');
    await s.page.clock.runFor(6_000);
    const failed = s.page.getByRole('alert').filter({ hasText: 'The form could not be opened' });
    await hasText(failed, 'Part of the app could not be fetched. Check the connection, then retry; if that does not help, reload the page.');
    await visible(failed.getByRole('button', { name: 'Back to deals' }));

    // The server answers again: Retry fetches the form's code anew and opens the form, which
    // works.
    assert.equal(held.length, 1, 'the list\'s prefetch and the form waited for one fetch, and share its failure');
    await s.page.unroute(FORM);
    await failed.getByRole('button', { name: 'Retry' }).click();
    await visible(s.page.getByRole('heading', { name: 'New deal' }));
    await fillDeal(s.page, { name: 'Fetched after the wait', amount: '10' });
    await s.page.getByRole('button', { name: 'Save' }).click();
    await hasText(s.page.getByRole('status').filter({ hasText: 'Created' }), 'Created “Fetched after the wait”.');
    await s.context.close();
    // The loader reports the fetch it gave up on, with its reason. On a busy machine Chromium
    // once in some 25 runs rejected that fetch, held by the test at the network, with its own
    // "The user aborted a request." instead: accepted only where the loader is what logs it.
    for (const p of s.problems) {
      const fromLoader = logged.some(([text, at]) => p.includes(text) && at.endsWith('/__wasm_split.js'));
      assert.ok(/did not arrive within 30 s/.test(p) || (/AbortError/.test(p) && fromLoader), p);
    }
  });

  test('a form whose code the server no longer has (a redeploy since the page opened) says to reload, not to retry', async () => {
    server.config = null;
    const FORM = /\/split_dealform_form\.[0-9a-f]{12}\.wasm$/;
    // Gone, as a host says it (404), or as one that answers every path with its index page.
    for (const answer of [{ status: 404, body: 'Not found' }, { status: 200, contentType: 'text/html', body: '<!doctype html><title>Deals</title>' }]) {
      const s = await openApp(browser, server.url, { setup: (page) => page.route(FORM, (route) => route.fulfill(answer)) });
      opened.push(s);
      await hasText(s.page.getByRole('status').filter({ hasText: 'No deals yet' }), 'No deals yet');
      await s.page.getByRole('button', { name: 'New deal' }).click();
      await hasText(s.page.getByRole('alert').filter({ hasText: 'The form could not be opened' }),
        'Part of the app is no longer on the server: it was updated since this page was opened. Reload the page to go on.');
      await s.context.close();
      assert.ok(s.problems.length >= 1);
      for (const p of s.problems) assert.match(p, /404|HTTP status code is not ok|MIME type|split_dealform_form/, `${answer.status}: ${p}`);
    }
  });

  test('a created deal appears in the list with its amount and date formatted for the locale', async () => {
    server.config = null;
    const s = await app();
    await createDeal(s.page, { name: 'Acme renewal', amount: '1,200.50', stage: 'Proposal', closeDate: '2026-09-30', owner: 'Ana Souza' });
    assert.deepEqual(await rows(s.page), [['Acme renewal', '$1,200.50', 'Proposal', 'Sep 30, 2026', 'Ana Souza', '']]);
    await done(s);
  });

  test('an edited deal shows its new values in the list', async () => {
    server.config = null;
    const s = await app();
    await createDeal(s.page, { name: 'Globex pilot', amount: '500' });
    await s.page.getByRole('button', { name: 'Globex pilot', exact: true }).click();
    await visible(s.page.getByRole('heading', { name: 'Edit deal' }));
    assert.equal(await s.page.getByLabel('Name', { exact: true }).inputValue(), 'Globex pilot');
    assert.equal(await s.page.getByLabel('Amount', { exact: true }).inputValue(), '500.00');
    await fillDeal(s.page, { name: 'Globex rollout', amount: '750.25', stage: 'Negotiation' });
    await s.page.getByRole('button', { name: 'Save' }).click();
    await hasText(s.page.getByRole('status').filter({ hasText: 'Saved' }), 'Saved changes to “Globex rollout”.');
    const [row] = await rows(s.page);
    assert.deepEqual(row.slice(0, 3), ['Globex rollout', '$750.25', 'Negotiation']);
    // Beside the notice, not in it: a screen reader hears the outcome alone.
    const reopen = s.page.getByRole('button', { name: 'Open “Globex rollout”' });
    assert.equal(await s.page.getByRole('status').filter({ has: reopen }).count(), 0);
    await reopen.click();
    await visible(s.page.getByRole('heading', { name: 'Edit deal' }));
    assert.equal(await s.page.getByLabel('Amount', { exact: true }).inputValue(), '750.25');
    await s.page.getByRole('button', { name: 'Cancel' }).click();
    await visible(s.page.getByRole('table', { name: 'Deals' }));
    assert.equal(await reopen.count(), 0, 'offered only with the notice of the save');
    await done(s);
  });

  test('saving an edit keeps what another tab changed meanwhile in the fields this one left alone', async () => {
    const s = await amountTypedWhileAnotherTabSetsTheOwner();
    await savesThisAmountAndTheOtherOwner(s);
  });

  test('deleting asks for confirmation, and cancelling keeps the deal', async () => {
    server.config = null;
    const s = await app();
    await createDeal(s.page, { name: 'Initech' });
    await s.page.getByRole('button', { name: 'Initech', exact: true }).click();
    await s.page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = s.page.getByRole('alertdialog', { name: 'Delete “Initech”?' });
    await visible(dialog);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(s.page.getByRole('heading', { name: 'Edit deal' }));
    await s.page.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog.getByRole('button', { name: 'Delete deal' }).click();
    await hasText(s.page.getByRole('status').filter({ hasText: 'Deleted' }), 'Deleted “Initech”.');
    await visible(s.page.getByText('No deals yet'));
    await done(s);
  });

  test('a required field left blank blocks the save with its message at the field', async () => {
    server.config = null;
    const s = await app();
    await s.page.getByRole('button', { name: 'New deal' }).click();
    const name = s.page.getByLabel('Name', { exact: true });
    // The asterisk beside a label is explained in words on the form, not in a tooltip only;
    // assistive technology hears `aria-required` instead.
    await visible(s.page.getByText('Fields marked * are required.'));
    assert.equal(await name.getAttribute('aria-required'), 'true');
    await fillDeal(s.page, { name: '   ', amount: '100' });
    await s.page.getByRole('button', { name: 'Save' }).click();
    await visible(s.page.getByText('Name is required'));
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    const describedBy = await name.getAttribute('aria-describedby');
    const message = await s.page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent();
    assert.equal(message, 'Name is required');
    assert.ok(await name.evaluate((el) => el === document.activeElement), 'focus moves to the first invalid field');
    await visible(s.page.getByRole('alert').filter({ hasText: '1 field needs attention' }));
    await visible(s.page.getByRole('heading', { name: 'New deal' }));
    await done(s);
  });

  test('errors show when leaving a field, and garbage amounts are explained', async () => {
    server.config = null;
    const s = await app();
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await s.page.getByLabel('Name', { exact: true }).focus();
    await s.page.keyboard.press('Tab');
    await visible(s.page.getByText('Name is required'));
    await s.page.getByLabel('Amount', { exact: true }).fill('12abc');
    await s.page.keyboard.press('Tab');
    await visible(s.page.getByText('Enter a number such as 1,234.56'));
    await s.page.getByLabel('Win probability', { exact: true }).fill('150');
    await s.page.keyboard.press('Tab');
    await visible(s.page.getByText('Win probability must be a whole number from 0 to 100'));
    await done(s);
  });

  test('a keystroke in one field writes no other field anew', async () => {
    server.config = null;
    const s = await app();
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await s.page.getByLabel('Amount', { exact: true }).fill('1200');
    await s.page.getByLabel('Name', { exact: true }).click();
    // Counts every write of a control's value, by the control's label.
    await s.page.evaluate(() => {
      window.writes = {};
      for (const proto of [HTMLInputElement.prototype, HTMLTextAreaElement.prototype, HTMLSelectElement.prototype]) {
        const { get, set } = Object.getOwnPropertyDescriptor(proto, 'value');
        Object.defineProperty(proto, 'value', {
          get() { return get.call(this); },
          set(v) { const label = this.labels?.[0]?.textContent.trim(); window.writes[label] = (window.writes[label] ?? 0) + 1; set.call(this, v); },
        });
      }
    });
    await s.page.keyboard.type('Acme', { delay: 20 });
    const writes = await s.page.evaluate(() => window.writes);
    for (const [label, n] of Object.entries(writes)) assert.equal(label, 'Name', `${label} written ${n} times while typing a name`);
    assert.equal(await s.page.getByLabel('Amount', { exact: true }).inputValue(), '1200');
    await done(s);
  });

  test('a reload keeps the saved deals and offers back an unsaved draft', async () => {
    server.config = null;
    const s = await app();
    await createDeal(s.page, { name: 'Kept deal' });
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await fillDeal(s.page, { name: 'Half typed', amount: '99.95' });
    await s.page.reload();
    await visible(s.page.getByRole('heading', { name: 'Deals' }));
    assert.equal((await rows(s.page))[0][0], 'Kept deal');
    await visible(s.page.getByText('You have an unsaved new deal: “Half typed”.'));
    await s.page.getByRole('button', { name: 'Resume draft' }).click();
    await visible(s.page.getByText('Your unsaved changes from earlier are restored.'));
    assert.equal(await s.page.getByLabel('Name', { exact: true }).inputValue(), 'Half typed');
    assert.equal(await s.page.getByLabel('Amount', { exact: true }).inputValue(), '99.95');
    await s.page.getByRole('button', { name: 'Save' }).click();
    await hasText(s.page.getByRole('status').filter({ hasText: 'Created' }), 'Created “Half typed”.');
    assert.equal(await s.page.getByRole('button', { name: 'Resume draft' }).count(), 0, 'a saved draft is not offered again');
    await done(s);
  });

  /** Initech (amount 100) open in a form with its name and amount changed, while another tab,
   *  on the same browser storage, deletes it. */
  async function editTypedWhileAnotherTabDeletes() {
    server.config = null;
    const s = await app();
    await createDeal(s.page, { name: 'Initech', amount: '100' });
    await s.page.getByRole('button', { name: 'Initech', exact: true }).click();
    await fillDeal(s.page, { name: 'Initech renewal', amount: '250' });
    const other = await s.context.newPage();
    await other.goto(server.url);
    await other.getByRole('button', { name: 'Initech', exact: true }).click();
    await other.getByRole('button', { name: 'Delete', exact: true }).click();
    await other.getByRole('alertdialog').getByRole('button', { name: 'Delete deal' }).click();
    await hasText(other.getByRole('status').filter({ hasText: 'Deleted' }), 'Deleted “Initech”.');
    await other.close();
    return s;
  }
  /** The new-deal form holds the typing for the deleted Initech; saving it creates the deal. */
  async function savesTheTypingAsANewDeal(s) {
    await visible(s.page.getByRole('heading', { name: 'New deal' }));
    assert.equal(await s.page.getByLabel('Name', { exact: true }).inputValue(), 'Initech renewal');
    assert.equal(await s.page.getByLabel('Amount', { exact: true }).inputValue(), '250', 'as typed');
    await s.page.getByRole('button', { name: 'Save' }).click();
    await hasText(s.page.getByRole('status').filter({ hasText: 'Created' }), 'Created “Initech renewal”.');
    assert.deepEqual((await rows(s.page)).map((r) => r.slice(0, 2)), [['Initech renewal', '$250.00']]);
    assert.equal(await s.page.getByRole('button', { name: 'Resume draft' }).count(), 0, 'no draft left to offer');
    await done(s);
  }

  test('changes to a deal deleted elsewhere meanwhile can be kept as a new deal', async () => {
    const s = await editTypedWhileAnotherTabDeletes();
    await s.page.getByRole('button', { name: 'Save' }).click();
    await visible(s.page.getByRole('alert').filter({ hasText: 'no longer exists' }));
    await s.page.getByRole('button', { name: 'Keep my changes as a new deal' }).click();
    await savesTheTypingAsANewDeal(s);
  });

  test('a draft for a deal deleted elsewhere, offered back after a reload, can be kept as a new deal', async () => {
    const s = await editTypedWhileAnotherTabDeletes();
    await s.page.reload();
    await s.page.getByRole('button', { name: 'Resume draft' }).click();
    await visible(s.page.getByText('This deal could not be opened'));
    await s.page.getByRole('button', { name: 'Keep my changes as a new deal' }).click();
    await savesTheTypingAsANewDeal(s);
  });

  /** A new deal typed in a form and left by a reload, on the local backend. */
  const draftLeftByReload = async (deal) => {
    server.config = null;
    const s = await app();
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await fillDeal(s.page, deal);
    await s.page.reload();
    return s;
  };

  test('restored changes can be discarded from the form, which says so', async () => {
    const s = await draftLeftByReload({ name: 'Second thoughts', amount: '12' });
    await s.page.getByRole('button', { name: 'Resume draft' }).click();
    await visible(s.page.getByText('Your unsaved changes from earlier are restored.'));
    await s.page.getByRole('button', { name: 'Discard restored changes' }).click();
    await hasText(s.page.getByRole('status').filter({ hasText: 'Restored changes discarded' }), 'Restored changes discarded: the form shows the deal as it is.');
    // The banner goes with the changes it spoke of, and the focus goes on to the first field.
    await s.page.getByText('Your unsaved changes from earlier are restored.').waitFor({ state: 'detached' });
    assert.equal(await s.page.getByRole('button', { name: 'Discard restored changes' }).count(), 0);
    assert.equal((await focused(s.page))?.label, 'Name');
    assert.equal(await s.page.getByLabel('Name', { exact: true }).inputValue(), '');
    assert.equal(await s.page.getByLabel('Amount', { exact: true }).inputValue(), '');
    await done(s);
  });

  test('a draft offered back after a reload keeps what another tab changed meanwhile in the fields it left alone', async () => {
    const s = await amountTypedWhileAnotherTabSetsTheOwner();
    await s.page.reload();
    await s.page.getByRole('button', { name: 'Resume draft' }).click();
    await visible(s.page.getByText('Your unsaved changes from earlier are restored.'));
    assert.equal(await s.page.getByLabel('Amount', { exact: true }).inputValue(), '250', 'what this tab typed');
    assert.equal(await s.page.getByLabel('Owner', { exact: true }).inputValue(), 'Bo', 'the owner as it is now, not as it was');
    await savesThisAmountAndTheOtherOwner(s);
  });

  test('the page has one top heading, with the list\'s and the form\'s under it', async () => {
    server.config = null;
    const s = await app();
    const h1 = s.page.getByRole('heading', { level: 1 });
    assert.deepEqual(await h1.allInnerTexts(), ['dealform']);
    const box = await h1.boundingBox();
    assert.ok(box.width <= 1 && box.height <= 1, 'heard, not seen');
    await visible(s.page.getByRole('heading', { level: 2, name: 'Deals' }));
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await visible(s.page.getByRole('heading', { level: 2, name: 'New deal' }));
    await done(s);
  });

  test('a draft offered back after a reload can be discarded, and is then gone', async () => {
    const s = await draftLeftByReload({ name: 'Not wanted', amount: '5' });
    const banner = s.page.getByRole('region', { name: 'Unsaved draft' });
    await hasText(banner, 'You have an unsaved new deal: “Not wanted”.');
    await banner.getByRole('button', { name: 'Discard draft' }).focus();
    await s.page.keyboard.press('Enter');
    await hasText(s.page.getByRole('status').filter({ hasText: 'discarded' }), 'Draft discarded.');
    assert.equal(await banner.count(), 0, 'the banner goes with its last draft');
    // The button went with its banner: the focus goes on from the list, not from the page.
    await until(async () => (await focused(s.page))?.text === 'Deals', 'the focus on the list\'s heading');
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await visible(s.page.getByRole('heading', { name: 'New deal' }));
    assert.equal(await s.page.getByLabel('Name', { exact: true }).inputValue(), '', 'the form opens empty: the draft is gone');
    await done(s);
  });

  test('markup typed as a deal name is shown as text, never run', async () => {
    server.config = null;
    const s = await app();
    const evil = '<img src=x onerror=alert(1)>';
    await createDeal(s.page, { name: evil });
    assert.equal((await rows(s.page))[0][0], evil);
    assert.equal(await s.page.locator('img').count(), 0);
    await done(s);
  });

  test('cancel asks before discarding typed changes', async () => {
    server.config = null;
    const s = await app();
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await fillDeal(s.page, { name: 'Maybe' });
    await s.page.getByRole('button', { name: 'Cancel' }).click();
    const dialog = s.page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
    await visible(dialog);
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    assert.equal(await s.page.getByLabel('Name', { exact: true }).inputValue(), 'Maybe');
    await s.page.getByRole('button', { name: 'Cancel' }).click();
    await dialog.getByRole('button', { name: 'Discard changes' }).click();
    await visible(s.page.getByText('No deals yet'));
    assert.equal(await s.page.getByRole('button', { name: 'Resume draft' }).count(), 0);
    await done(s);
  });

  test('a close date the browser cannot read (February 30) is an error at the field, not a deal saved without its date', async () => {
    server.config = null;
    const s = await app();
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await s.page.getByLabel('Name', { exact: true }).fill('Leap deal');
    const date = s.page.getByLabel('Close date', { exact: true });
    // Typed segment by segment, as a person does: the month, the day, the year.
    await date.click();
    await s.page.keyboard.type('02302026');
    assert.equal(await date.inputValue(), '', 'the browser reads February 30 as no value');
    await s.page.getByRole('button', { name: 'Save' }).click();
    await visible(s.page.getByText('Enter a whole date that exists, or clear the field'));
    await visible(s.page.getByRole('alert').filter({ hasText: '1 field needs attention' }));
    assert.equal(await date.getAttribute('aria-invalid'), 'true');
    assert.ok(await date.evaluate((el) => el === document.activeElement), 'focus goes to the date');
    // Corrected, it saves with its date.
    await date.fill('2026-02-28');
    await s.page.getByRole('button', { name: 'Save' }).click();
    await hasText(s.page.getByRole('status').filter({ hasText: 'Created' }), 'Created “Leap deal”.');
    assert.equal((await rows(s.page))[0][3], 'Feb 28, 2026');
    await done(s);
  });

  test('another currency\'s sign is refused, not saved as dollars; amounts in Arabic digits are read', async () => {
    server.config = null;
    const s = await app();
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await fillDeal(s.page, { name: 'Euro deal', amount: '€100' });
    await s.page.getByRole('button', { name: 'Save' }).click();
    await visible(s.page.getByText('This amount is in USD, not “€”'));
    await visible(s.page.getByRole('heading', { name: 'New deal' }));
    await fillDeal(s.page, { amount: '١٬٢٣٤٫٥' });
    await s.page.getByRole('button', { name: 'Save' }).click();
    await hasText(s.page.getByRole('status').filter({ hasText: 'Created' }), 'Created “Euro deal”.');
    assert.equal((await rows(s.page))[0][1], '$1,234.50');
    await done(s);
  });

  test('a currency code ISO 4217 does not list is refused at its field, and the amount saves in a listed one', async () => {
    server.config = null;
    const s = await app();
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await fillDeal(s.page, { name: 'Typo deal', amount: '100' });
    await s.page.getByLabel('Currency', { exact: true }).fill('EUO');
    await s.page.getByRole('button', { name: 'Save' }).click();
    await visible(s.page.getByText('Currency must be an ISO 4217 code in use, such as USD or EUR; “EUO” is not one'));
    assert.equal(await s.page.getByLabel('Currency', { exact: true }).getAttribute('aria-invalid'), 'true');
    assert.equal(await s.page.getByLabel('Name', { exact: true }).inputValue(), 'Typo deal', 'nothing typed is lost');
    await s.page.getByLabel('Currency', { exact: true }).fill('eur');
    await s.page.getByRole('button', { name: 'Save' }).click();
    await hasText(s.page.getByRole('status').filter({ hasText: 'Created' }), 'Created “Typo deal”.');
    assert.equal((await rows(s.page))[0][1], '€100.00');
    await done(s);
  });

  test('the amount\'s hint follows the currency typed: no decimals for yen, three for dinars', async () => {
    server.config = null;
    const s = await app();
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await visible(s.page.getByText('For example 1,234.56', { exact: true }));
    await s.page.getByLabel('Currency', { exact: true }).fill('jpy');
    await visible(s.page.getByText('For example 1,234', { exact: true }));
    await s.page.getByLabel('Currency', { exact: true }).fill('KWD');
    await visible(s.page.getByText('For example 1,234.567', { exact: true }));
    // Not a code: the configuration's currency (USD) again.
    await s.page.getByLabel('Currency', { exact: true }).fill('');
    await visible(s.page.getByText('For example 1,234.56', { exact: true }));
    await done(s);
  });

  test('a press on Save is not lost when leaving a field shows its error and moves the buttons', async () => {
    server.config = null;
    const s = await app();
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await s.page.getByLabel('Name', { exact: true }).fill('One click');
    await s.page.getByLabel('Win probability', { exact: true }).fill('101');
    // One press and release of the mouse at Save's place, as a hand does, with the field still
    // focused: its error must not push Save from under the pointer between the two.
    await s.page.getByRole('button', { name: 'Save' }).scrollIntoViewIfNeeded();
    const save = await s.page.getByRole('button', { name: 'Save' }).boundingBox();
    await s.page.mouse.click(save.x + save.width / 2, save.y + save.height / 2);
    await visible(s.page.getByRole('alert').filter({ hasText: '1 field needs attention' }));
    await s.page.getByLabel('Win probability', { exact: true }).fill('60');
    await s.page.getByRole('button', { name: 'Save' }).click();
    await hasText(s.page.getByRole('status').filter({ hasText: 'Created' }), 'Created “One click”.');
    await done(s);
  });

  test('the page\'s title says which view shows', async () => {
    server.config = null;
    const s = await app();
    await until(async () => (await s.page.title()) === 'Deals — dealform', 'the list\'s title');
    await createDeal(s.page, { name: 'Titled deal' });
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await visible(s.page.getByRole('heading', { name: 'New deal' }));
    assert.equal(await s.page.title(), 'New deal — dealform');
    await s.page.getByRole('button', { name: 'Cancel' }).click();
    await visible(s.page.getByRole('heading', { name: 'Deals' }));
    assert.equal(await s.page.title(), 'Deals — dealform');
    await s.page.getByRole('button', { name: 'Titled deal', exact: true }).click();
    await visible(s.page.getByRole('heading', { name: 'Edit deal' }));
    assert.equal(await s.page.title(), 'Edit deal — dealform');
    await done(s);
  });

  test('focus is never dropped to the page: after Save, Cancel and Delete it is on the list\'s heading', async () => {
    server.config = null;
    const s = await app();
    const onHeading = () => s.page.getByRole('heading', { name: 'Deals' }).evaluate((el) => el === el.getRootNode().activeElement);
    // Saved from the keyboard: Tab to Save, then Space.
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await s.page.getByLabel('Name', { exact: true }).fill('Focus deal');
    await s.page.getByRole('button', { name: 'Save' }).focus();
    await s.page.keyboard.press('Space');
    await hasText(s.page.getByRole('status').filter({ hasText: 'Created' }), 'Created “Focus deal”.');
    await until(onHeading, 'focus on the list\'s heading after Save');
    // Cancelled, untouched.
    await s.page.getByRole('button', { name: 'Focus deal', exact: true }).click();
    await visible(s.page.getByRole('heading', { name: 'Edit deal' }));
    await s.page.getByRole('button', { name: 'Cancel' }).click();
    await until(onHeading, 'focus on the list\'s heading after Cancel');
    // Deleted, through its dialog.
    await s.page.getByRole('button', { name: 'Focus deal', exact: true }).click();
    await s.page.getByRole('button', { name: 'Delete', exact: true }).click();
    await s.page.getByRole('alertdialog').getByRole('button', { name: 'Delete deal' }).click();
    await hasText(s.page.getByRole('status').filter({ hasText: 'Deleted' }), 'Deleted “Focus deal”.');
    await until(onHeading, 'focus on the list\'s heading after Delete');
    await done(s);
  });

  test('Escape leaves a form as Cancel does: at once when untouched, through the discard question when typed in', async () => {
    server.config = null;
    const s = await app();
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await visible(s.page.getByRole('heading', { name: 'New deal' }));
    await s.page.getByLabel('Name', { exact: true }).press('Escape');
    await visible(s.page.getByRole('heading', { name: 'Deals' }));
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await s.page.getByLabel('Name', { exact: true }).fill('Half typed');
    await s.page.getByLabel('Name', { exact: true }).press('Escape');
    const dialog = s.page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
    await visible(dialog);
    // Escape in the dialog closes only the dialog: the form and its text stay.
    await s.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await s.page.getByLabel('Name', { exact: true }).inputValue(), 'Half typed');
    await s.page.getByLabel('Name', { exact: true }).press('Escape');
    await dialog.getByRole('button', { name: 'Discard changes' }).click();
    await visible(s.page.getByRole('heading', { name: 'Deals' }));
    await visible(s.page.getByText('No deals yet'));
    await done(s);
  });

  test('Enter in a field saves the form from the keyboard', async () => {
    server.config = null;
    const s = await app();
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await s.page.getByLabel('Name', { exact: true }).fill('Keyboard deal');
    await s.page.getByLabel('Name', { exact: true }).press('Enter');
    await hasText(s.page.getByRole('status').filter({ hasText: 'Created' }), 'Created “Keyboard deal”.');
    await done(s);
  });
});

function storedDeals(n) {
  const deals = Array.from({ length: n }, (_, i) => ({
    id: String(i + 1),
    fields: { name: `Deal ${String(i + 1).padStart(2, '0')}`, amount: { minor: (n - i) * 1000, currency: 'USD' }, stage: 'lead', close_date: null, probability: null, owner: null, company: null, description: null },
  }));
  return JSON.stringify({ version: 1, next_id: n + 1, deals });
}

describe('search, sort and paging', () => {
  test('pages of 25 with a readable range, next and previous', async () => {
    server.config = null;
    const s = await app({ init: seedStorage('dealform.deals.v1', storedDeals(30)) });
    await visible(s.page.getByText('1–25 of 30'));
    assert.equal((await rows(s.page)).length, 25);
    assert.ok(await s.page.getByRole('button', { name: 'Previous page' }).isDisabled());
    await s.page.getByRole('button', { name: 'Next page' }).click();
    await visible(s.page.getByText('26–30 of 30'));
    assert.equal((await rows(s.page))[0][0], 'Deal 26');
    assert.ok(await s.page.getByRole('button', { name: 'Next page' }).isDisabled());
    // Onto the last page, Next page goes inert but keeps the focus the click gave it, and a
    // press on it does nothing.
    assert.ok(await s.page.getByRole('button', { name: 'Next page' }).evaluate((el) => el === el.getRootNode().activeElement));
    await s.page.keyboard.press('Enter');
    await s.page.evaluate(() => new Promise((ok) => setTimeout(ok, 300)));
    await visible(s.page.getByText('26–30 of 30'));
    assert.equal((await rows(s.page))[0][0], 'Deal 26');
    await s.page.getByRole('button', { name: 'Previous page' }).click();
    await visible(s.page.getByText('1–25 of 30'));
    await done(s);
  });

  test('the Amount heading lines up with the amounts, on the right', async () => {
    server.config = null;
    const s = await app({ init: seedStorage('dealform.deals.v1', storedDeals(3)) });
    await until(async () => (await rows(s.page)).length === 3, 'three rows');
    const right = (locator) => locator.evaluate((el) => {
      // Where the visible text ends: the heading's is in its sort button.
      const box = (el.querySelector('button') ?? el);
      const range = document.createRange();
      range.selectNodeContents(box);
      return range.getBoundingClientRect().right;
    });
    const heading = await right(s.page.getByRole('columnheader', { name: 'Amount' }));
    const amount = await right(s.page.getByRole('row').nth(1).getByRole('cell').nth(1));
    assert.ok(Math.abs(heading - amount) < 12, `heading ends at ${heading}, amount at ${amount}`);
    await done(s);
  });

  test('clicking a column header sorts and announces the order', async () => {
    server.config = null;
    const s = await app({ init: seedStorage('dealform.deals.v1', storedDeals(30)) });
    const amount = s.page.getByRole('columnheader', { name: 'Amount' });
    assert.equal(await amount.getAttribute('aria-sort'), 'none');
    // The arrow changes under the focus, which a screen reader does not read again: a status
    // says the order, heard and not seen.
    const said = s.page.getByRole('status').filter({ hasText: /^Sorted by/ });
    await amount.getByRole('button').click();
    await until(async () => (await amount.getAttribute('aria-sort')) === 'ascending', 'ascending');
    await hasText(said, 'Sorted by Amount, ascending.');
    await until(async () => (await rows(s.page))[0][0] === 'Deal 30', 'smallest amount first');
    await amount.getByRole('button').click();
    await until(async () => (await amount.getAttribute('aria-sort')) === 'descending', 'descending');
    await hasText(said, 'Sorted by Amount, descending.');
    const box = await said.boundingBox();
    assert.ok(box.width <= 1 && box.height <= 1, `not seen: ${JSON.stringify(box)}`);
    await until(async () => (await rows(s.page))[0][0] === 'Deal 01', 'largest amount first');
    await done(s);
  });

  test('opening a form while a search waits for the typing to pause is clean and loses nothing typed', async () => {
    server.config = null;
    const s = await app({ init: seedStorage('dealform.deals.v1', storedDeals(30)) });
    await visible(s.page.getByText('1–25 of 30'));
    await s.page.getByLabel('Search deals').fill('deal 0');
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await visible(s.page.getByRole('heading', { name: 'New deal' }));
    await s.page.waitForTimeout(500);
    await s.page.getByRole('button', { name: 'Cancel' }).click();
    await visible(s.page.getByRole('table', { name: 'Deals' }));
    // What was typed is not lost: the list comes back searched for it.
    assert.equal(await s.page.getByLabel('Search deals').inputValue(), 'deal 0');
    await until(async () => (await rows(s.page)).length === 9, 'Deal 01 to Deal 09');
    await done(s);
  });

  test('search narrows the list, and an unmatched search says so', async () => {
    server.config = null;
    const s = await app({ init: seedStorage('dealform.deals.v1', storedDeals(30)) });
    await s.page.getByLabel('Search deals').fill('deal 07');
    await until(async () => (await rows(s.page)).length === 1, 'one match');
    assert.equal((await rows(s.page))[0][0], 'Deal 07');
    // The region that says so was on the page before it had anything to say: one inserted
    // with its words already in it is not announced.
    await s.page.evaluate(() => document.querySelectorAll('[role=status]').forEach((el) => { el.dataset.before = 'yes'; }));
    await s.page.getByLabel('Search deals').fill('zebra');
    await visible(s.page.getByText('No deals match “zebra”.'));
    assert.equal(await s.page.getByRole('status').filter({ hasText: 'No deals match' }).getAttribute('data-before'), 'yes');
    // Spaces typed by mistake between the words search for the words, as one space would.
    await s.page.getByLabel('Search deals').fill('  deal   07 ');
    await until(async () => (await rows(s.page)).map((r) => r[0]).join() === 'Deal 07', 'the match, spaces or not');
    await done(s);
  });
});

describe('the scrolling list in this browser', () => {
  test('5,000 local deals scroll in one list, and a deal edited far down is saved and still there', async () => {
    server.config = JSON.stringify({ list: 'scroll' });
    const s = await app({ init: seedStorage('dealform.deals.v1', storedDeals(5000)) });
    const region = s.page.getByRole('region', { name: 'All deals, scrollable' });
    await visible(s.page.getByText('5,000 deals'));
    assert.equal(await s.page.getByRole('table', { name: 'Deals' }).getAttribute('aria-rowcount'), '5001');
    await region.press('End');
    // End scrolls smoothly: the deal is opened once the list has come to rest at the bottom.
    await until(async () => region.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1), 'scrolled to the end');
    await visible(s.page.getByRole('button', { name: 'Deal 5000' }));
    assert.ok((await s.page.getByRole('table', { name: 'Deals' }).locator('tbody').getByRole('row').count()) <= 100);
    await s.page.getByRole('button', { name: 'Deal 4990' }).click();
    await fillDeal(s.page, { name: 'Deal 4990, renewed' });
    await s.page.getByRole('button', { name: 'Save' }).click();
    await hasText(s.page.getByRole('status').filter({ hasText: 'Saved' }), 'Saved changes');
    // Back in the list at the same place, with the change in it.
    await visible(s.page.getByRole('button', { name: 'Deal 4990, renewed' }));
    await visible(s.page.getByRole('button', { name: 'Deal 5000' }));
    await done(s);
  });
});

describe('configuration and bad data', () => {
  test('a German locale formats and parses amounts and dates the German way', async () => {
    server.config = JSON.stringify({ locale: 'de-DE', currency: 'EUR' });
    const s = await app();
    await createDeal(s.page, { name: 'Müller GmbH', amount: '1.200,50', closeDate: '2026-09-30' });
    const [row] = await rows(s.page);
    assert.equal(row[1].replace(/\s/g, ' '), '1.200,50 €');
    assert.equal(row[3], '30.09.2026');
    // The interface is in English whatever the locale of its numbers: a screen reader reads the
    // page in the voice its lang names.
    assert.equal(await s.page.evaluate(() => document.documentElement.lang), 'en');
    await done(s);
  });

  test('an amount typed back as the list shows it is read, in the locale\'s own way of writing money', async () => {
    // Each: the configuration, what the list shows for 1,234.50, typed back into a new deal.
    const cases = [
      [{ locale: 'en-CA', currency: 'USD' }, 'US$1,234.50'],
      [{ locale: 'de-AT', currency: 'EUR' }, '€ 1.234,50'], // plain numbers group with a space there
      [{ locale: 'fr-CH', currency: 'CHF' }, '1 234.50 CHF'], // plain numbers take a decimal comma there
      [{ locale: 'sv-SE', currency: 'SEK' }, '1 234,50 kr'],
      [{ locale: 'pt-BR', currency: 'BRL' }, 'R$ 1.234,50'],
    ];
    for (const [config, typed] of cases) {
      server.config = JSON.stringify(config);
      const s = await app();
      await createDeal(s.page, { name: `Deal in ${config.locale}`, amount: typed });
      const shown = (await rows(s.page))[0][1];
      assert.equal(shown.replace(/\s/g, ' '), typed, `${config.locale}: the list shows what was typed`);
      // And the form reads it back as the same amount.
      await s.page.getByRole('button', { name: `Deal in ${config.locale}`, exact: true }).click();
      await fillDeal(s.page, { amount: shown });
      await s.page.getByRole('button', { name: 'Save' }).click();
      await hasText(s.page.getByRole('status').filter({ hasText: 'Saved' }), 'Saved changes');
      assert.equal((await rows(s.page))[0][1], shown);
      await done(s);
    }
  });

  test('forints typed with fillér are listed with them, not rounded to the forint', async () => {
    // Intl writes forints without decimals; ISO 4217 gives them two, which the form takes.
    server.config = JSON.stringify({ locale: 'hu-HU', currency: 'HUF' });
    const s = await app();
    await createDeal(s.page, { name: 'Forint deal', amount: '1235,50' });
    await createDeal(s.page, { name: 'Whole forints', amount: '2000' });
    const shown = Object.fromEntries((await rows(s.page)).map((r) => [r[0], r[1].replace(/\s/g, ' ')]));
    assert.equal(shown['Forint deal'], '1235,50 Ft');
    // A whole amount as this browser's Intl writes forints (CLDR has changed its mind on their
    // decimals), the same as before.
    assert.match(shown['Whole forints'], /^2000(,00)? Ft$/);
    await done(s);
  });

  test('a currency code with a typo in config.json is named on the page, not every deal\'s currency', async () => {
    server.config = JSON.stringify({ currency: 'EUO' });
    const { context, page } = await openApp(browser, server.url);
    await hasText(page.getByRole('alert'), '“EUO” is not the ISO 4217 code of a currency in use, such as USD or EUR');
    await context.close();
  });

  test('a currency without decimals (yen) is shown and asked for without them', async () => {
    server.config = JSON.stringify({ locale: 'ja-JP', currency: 'JPY' });
    const s = await app();
    await s.page.getByRole('button', { name: 'New deal' }).click();
    // The hint shows an amount as this currency has them: no decimals to type.
    await visible(s.page.getByText('For example 1,234', { exact: true }));
    await fillDeal(s.page, { name: '円の取引', amount: '1,234.5' });
    await s.page.getByRole('button', { name: 'Save' }).click();
    await visible(s.page.getByRole('alert').filter({ hasText: '1 field needs attention' }));
    await fillDeal(s.page, { amount: '1,234' });
    await s.page.getByRole('button', { name: 'Save' }).click();
    await hasText(s.page.getByRole('status').filter({ hasText: 'Created' }), 'Created “円の取引”.');
    // One deal: "1 of 1 deal", not "1–1 of 1 deals".
    await visible(s.page.getByText('1 of 1 deal', { exact: true }));
    await done(s);
  });

  test('an invalid config.json names the bad field on the page', async () => {
    server.config = JSON.stringify({ page_size: 0 });
    const { context, page } = await openApp(browser, server.url);
    await hasText(page.getByRole('alert'), '“page_size” must be a whole number from 1 to 100');
    await context.close();
  });

  test('corrupt local data is explained, set aside on reset, never a blank page', async () => {
    server.config = null;
    const s = await openApp(browser, server.url, { init: seedStorage('dealform.deals.v1', '{garbage') });
    await hasText(s.page.getByRole('alert'), 'could not be read');
    // The dialog's code comes with the form's: asked for, it opens; declined, focus goes back.
    await s.page.getByRole('button', { name: 'Reset local data' }).click();
    await s.page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    await until(async () => (await focused(s.page))?.text === 'Reset local data', 'focus back on the button that opened the dialog');
    assert.equal(await s.page.getByRole('alertdialog').count(), 0);
    await s.page.getByRole('button', { name: 'Reset local data' }).click();
    await s.page.getByRole('alertdialog').getByRole('button', { name: 'Reset local data' }).click();
    await visible(s.page.getByText('No deals yet'));
    // The dialog gave the focus back to a button that went with the error.
    await until(async () => (await focused(s.page))?.text === 'Deals', 'the focus on the list\'s heading');
    assert.equal(await s.page.evaluate(() => localStorage.getItem('dealform.deals.v1.unreadable')), '{garbage');
    await done(s);
  });

  test('a failed save keeps the form filled and says why', async () => {
    server.config = null;
    const s = await app();
    await s.page.getByRole('button', { name: 'New deal' }).click();
    await fillDeal(s.page, { name: 'Not lost', amount: '42' });
    await s.page.evaluate(() => localStorage.setItem('dealform.deals.v1', '{broken'));
    await s.page.getByRole('button', { name: 'Save' }).click();
    await hasText(s.page.getByRole('alert').filter({ hasText: 'not saved' }), 'The deal was not saved.');
    assert.equal(await s.page.getByLabel('Name', { exact: true }).inputValue(), 'Not lost');
    assert.equal(await s.page.getByLabel('Amount', { exact: true }).inputValue(), '42');
    await done(s);
  });
});

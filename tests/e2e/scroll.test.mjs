// The scrolling list (`"list": "scroll"`): long lists from every CRM dialect in one table that
// mounts only the rows in view, fetched page by page as the view reaches them.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CRM_CREDENTIALS as CREDENTIALS, focused, forEveryCrm, hasText, launch, openApp, serveDist, startFakeCrm, until, visible } from './harness.mjs';

/** How each lists, whether it reports a total, and how many more list requests reaching the
 *  end of 1,000 deals takes once the list is at rest (its first page shown and the second
 *  fetched ahead): with a total and offsets or page numbers, only the pages at the end; with
 *  cursors, every later page in order; with offsets and no total (Attio), every later page plus
 *  the empty one that shows the end. */
const LIST = {
  stardex: { route: 'POST /v1/deals/search', total: true, toEnd: [1, 2] },
  hubspot: { route: 'GET /deals/v1/deal/paged', total: false, toEnd: [8, 8] },
  ysuite: { route: 'GET /v1/deals', total: true, toEnd: [1, 2] },
  attio: { route: 'POST /v2/objects/deals/records/query', total: false, toEnd: [9, 9] },
  heffl: { route: 'GET /deals', total: false, toEnd: [8, 8] },
};
const DEALS = 1_000;

let server, browser, crm;
before(async () => { server = await serveDist(); browser = await launch(); crm = await startFakeCrm(); });
after(async () => { await browser?.close(); await server?.close(); crm?.stop(); });

/** The mounted deal rows (spacers are hidden from assistive technology, so not counted). */
async function mounted(page) {
  return page.getByRole('table', { name: 'Deals' }).locator('tbody').getByRole('row').evaluateAll((trs) =>
    trs.map((tr) => ({ index: Number(tr.getAttribute('aria-rowindex')), cells: [...tr.cells].map((c) => c.textContent.trim()) })));
}

/** Scrolls the list region to its end, as the End key does, until the last deal shows. */
async function scrollToEnd(page, region, lastName) {
  const seen = [];
  await until(async () => {
    await region.press('End');
    const rows = await mounted(page);
    seen.push(rows.length);
    return rows.some((r) => r.cells[0] === lastName);
  }, `the last deal, ${lastName}`, 60_000);
  return Math.max(...seen);
}

/** A hard fling: `frames` frames of 1,000 px. Returns the rows as they stand one frame after
 *  the last, before the list can rest: each row's number and first cell, and the number of the
 *  row at the top of the view. */
async function fling(region, frames) {
  return region.evaluate(async (el, frames) => {
    for (let i = 0; i < frames; i++) {
      el.scrollTop += 1000;
      await new Promise((ok) => requestAnimationFrame(ok));
    }
    await new Promise((ok) => requestAnimationFrame(ok));
    const rows = [...el.querySelectorAll('tbody tr[aria-rowindex]')]
      .map((tr) => ({ index: Number(tr.getAttribute('aria-rowindex')), name: tr.cells[0].textContent.trim() }));
    return { rows, topRow: Math.floor(el.scrollTop / 40) + 2 };
  }, frames);
}

/** Opens the app and waits for the scrolling list's first rows. */
async function openList() {
  const session = await openApp(browser, server.url);
  const region = session.page.getByRole('region', { name: 'All deals, scrollable' });
  await visible(region);
  await until(async () => (await mounted(session.page)).length > 0, 'rows');
  return { ...session, region };
}

/** Waits until the page the list reads ahead of its first is in: before that, a count of list
 *  requests (or a fault meant for a later one) could still meet it, on a slow machine. */
const readAheadIn = (page) => visible(page.getByText(`${DEALS.toLocaleString('en-US')} deals, 200 loaded`));

const listCalls = async (name) => (await crm.requests(name)).filter((r) => r === LIST[name].route).length;

for (const [name] of forEveryCrm(LIST, 'LIST')) {
  describe(`${name}: the scrolling list`, () => {
    beforeEach(async () => {
      await crm.reset(name, DEALS);
      server.config = JSON.stringify({ provider: name, base_url: `${crm.url}/${name}`, credentials: CREDENTIALS[name], list: 'scroll', timeout_ms: 5000 });
    });

    test('shows a thousand deals with at most about a hundred rows mounted, to the last one', async () => {
      const { context, page, problems } = await openApp(browser, server.url);
      const region = page.getByRole('region', { name: 'All deals, scrollable' });
      await visible(region);
      await until(async () => (await mounted(page))[0]?.cells[0] === 'Seed deal 01', 'the first deal');
      const first = await mounted(page);
      assert.ok(first.length <= 100, `${first.length} rows mounted at the top`);
      assert.equal(first[0].index, 2, 'row numbers count the header row');
      const rowcount = await page.getByRole('table', { name: 'Deals' }).getAttribute('aria-rowcount');
      if (LIST[name].total) assert.equal(rowcount, String(DEALS + 1));
      // The list asks for its second page as soon as the first shows: count from after that.
      let before = -1;
      await until(async () => {
        const now = await listCalls(name);
        const atRest = now === before;
        before = now;
        if (!atRest) await page.waitForTimeout(300);
        return atRest;
      }, 'the list at rest');
      const mostMounted = await scrollToEnd(page, region, `Seed deal ${DEALS}`);
      assert.ok(mostMounted <= 100, `at most ${mostMounted} rows mounted while scrolling`);
      // Without a total, one "Loading…" row follows the last deal until the CRM says there
      // are no more (Attio: an empty page), which may come a moment after the last deal shows.
      await until(async () => (await mounted(page)).at(-1).index === DEALS + 1, 'the last row numbered after all the others');
      assert.equal(await page.getByRole('table', { name: 'Deals' }).getAttribute('aria-rowcount'), String(DEALS + 1));
      const calls = (await listCalls(name)) - before;
      const [least, most] = LIST[name].toEnd;
      assert.ok(calls >= least && calls <= most, `reaching the end took ${calls} list requests, expected ${least}–${most}`);
      await visible(page.getByText(`${DEALS.toLocaleString('en-US')} deals`, { exact: false }));
      await context.close();
      assert.deepEqual(problems, []);
    });
  });
}

describe('the scrolling list\'s own code', () => {
  beforeEach(async () => {
    await crm.reset('stardex', DEALS);
    server.config = JSON.stringify({ provider: 'stardex', base_url: `${crm.url}/stardex`, credentials: CREDENTIALS.stardex, list: 'scroll' });
  });

  test('comes in a chunk of its own; one the host no longer has is told to the host page and offers Retry', async () => {
    const SCROLL = /\/split_dealform_scroll\.[0-9a-f]{12}\.wasm$/;
    const asked = [];
    const { context, page, problems } = await openApp(browser, server.url, {
      init: { fn: () => { window.errors = []; document.addEventListener('dealform:error', (e) => window.errors.push(e.detail)); } },
      setup: async (page) => {
        page.on('request', (r) => { if (SCROLL.test(r.url())) asked.push(r.url()); });
        // What a host answers for a chunk of a build it no longer serves (a redeploy since
        // the page opened): the chunk is named by its content, so it is not found.
        await page.route(SCROLL, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
      },
    });
    const failed = page.getByRole('alert').filter({ hasText: 'The deals could not be shown' });
    const gone = 'Part of the app is no longer on the server: it was updated since this page was opened. Reload the page to go on.';
    await hasText(failed, gone);
    assert.deepEqual(await page.evaluate(() => window.errors), [{ kind: 'outdated', message: gone }],
      'the host page is told, so that it can reload');
    const failures = asked.length;
    assert.ok(failures >= 1);

    // A host that lost the chunk for a moment (a CDN, say) has it again: Retry still works.
    await page.unroute(SCROLL);
    await failed.getByRole('button', { name: 'Retry' }).click();
    await until(async () => (await mounted(page))[0]?.cells[0] === 'Seed deal 01', 'the first deal');
    assert.equal(asked.length, failures + 1, 'Retry fetched the code once more');
    await context.close();
    // The failed fetches are reported in the console by the chunk loader, and nothing else is.
    for (const p of problems) assert.match(p, /404|status code is not ok|split_dealform_scroll/, p);
  });
});

describe('the scrolling list with a person at the keyboard', () => {
  beforeEach(async () => {
    await crm.reset('stardex', DEALS);
    server.config = JSON.stringify({ provider: 'stardex', base_url: `${crm.url}/stardex`, credentials: CREDENTIALS.stardex, list: 'scroll' });
  });

  test('scrolls by keyboard, opens a deal far down, and comes back to the same place', async () => {
    const { context, page, problems, region } = await openList();
    // Tab reaches the scrolling region itself, so arrow and page keys scroll it.
    for (let i = 0; i < 10 && !(await region.evaluate((el) => el.getRootNode().activeElement === el)); i++) await page.keyboard.press('Tab');
    assert.ok(await region.evaluate((el) => el.getRootNode().activeElement === el), 'the region takes focus');
    for (let i = 0; i < 30; i++) await page.keyboard.press('PageDown');
    const target = await until(async () => {
      // Chromium scrolls smoothly for PageDown: wait for it to come to rest.
      const top = await region.evaluate(async (el) => {
        const before = el.scrollTop;
        await new Promise((ok) => setTimeout(ok, 200));
        return el.scrollTop === before ? before : -1;
      });
      const rows = await mounted(page);
      const inView = rows.filter((r) => r.cells[0].startsWith('Seed deal') && r.index > 300);
      return top > 10_000 && inView.length > 0 && inView[Math.floor(inView.length / 2)].cells[0];
    }, 'deals far down the list');
    const scrolled = await region.evaluate((el) => el.scrollTop);
    await page.getByRole('button', { name: target, exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Edit deal' }));
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), target);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await visible(region);
    await until(async () => Math.abs((await region.evaluate((el) => el.scrollTop)) - scrolled) < 2, 'the same scroll position');
    await until(async () => (await mounted(page)).some((r) => r.cells[0] === target), 'the opened deal, back in view');
    await context.close();
    assert.deepEqual(problems, []);
  });

  test('a deal in focus keeps it while in view; scrolled away, the focus stays on the list', async () => {
    const { context, page, problems, region } = await openList();
    const first = (await mounted(page))[0].cells[0];
    const name = page.getByRole('button', { name: first, exact: true });
    await name.focus();
    // Rows are reused as the view moves: a short scroll keeps this row (and its focus) as it is.
    await region.evaluate((el) => { el.scrollTop = 80; });
    await until(async () => (await mounted(page)).some((r) => r.index > 20), 'rows below the first screen');
    assert.equal((await focused(page))?.text, first);
    // Far away, its row shows another deal: the focus must not go with it.
    await region.evaluate((el) => { el.scrollTop = 20_000; });
    await until(async () => (await mounted(page)).some((r) => r.index > 500 && r.cells[0].startsWith('Seed deal')), 'deals far down');
    assert.equal((await focused(page))?.role, 'region', 'the list keeps the focus');
    await page.keyboard.press('PageDown');
    await until(async () => (await region.evaluate((el) => el.scrollTop)) > 20_000, 'the keyboard still scrolls the list');
    await context.close();
    assert.deepEqual(problems, []);
  });

  test('reading down at a steady pace never meets a row still loading, even from a slow CRM', async () => {
    const { context, page, problems, region } = await openList();
    // Every later page takes 2 s to come: the list must ask for it well before its rows show.
    await crm.fault('stardex', { kind: 'slow', method: 'POST', path: '/v1/deals/search', ms: 2000, remaining: 20 });
    const seenLoading = [];
    // 40 px every 50 ms (800 px/s) through the first 250 rows: two page boundaries.
    for (let top = 0; top < 250 * 40; top += 40) {
      await region.evaluate((el, y) => { el.scrollTop = y; }, top);
      await page.waitForTimeout(50);
      const inView = await region.evaluate((el) => {
        const view = el.getBoundingClientRect();
        return [...el.querySelectorAll('tbody tr[aria-rowindex]')]
          .filter((tr) => { const r = tr.getBoundingClientRect(); return r.bottom > view.top + 40 && r.top < view.bottom; })
          .filter((tr) => tr.textContent.includes('Loading'))
          .map((tr) => tr.getAttribute('aria-rowindex'));
      });
      seenLoading.push(...inView);
    }
    assert.deepEqual(seenLoading, [], 'rows seen loading while reading');
    await context.close();
    assert.deepEqual(problems, []);
  });

  test('a fling fetches where it comes to rest, not every page it passes', async () => {
    const { context, page, problems, region } = await openList();
    // At rest first: the first page shown, the next fetched ahead.
    await readAheadIn(page);
    const before = await listCalls('stardex');
    // Through the loaded rows and on to the last of 1,000.
    const { rows: inFlight, topRow } = await fling(region, 45);
    // On the way the rows were "Loading…" notes, numbered in place; at rest they are numbered in
    // order, each deal at its own number (Seed deal N is row N + 1, the header being row 1).
    // Mid-fling no row shows a deal: passed rows are empty, unfetched ones say so.
    assert.deepEqual(inFlight.filter((r) => r.name !== '' && r.name !== 'Loading…'), [], 'rows drawn mid-fling');
    assert.deepEqual(inFlight.map((r) => r.index), inFlight.map((_, k) => inFlight[0].index + k), 'rows numbered in order mid-fling');
    assert.ok(inFlight[0].index <= topRow && topRow <= inFlight.at(-1).index, `row ${topRow}, at the top of the view, is among the rows ${inFlight[0].index}–${inFlight.at(-1).index}`);
    await until(async () => (await mounted(page)).some((r) => r.cells[0] === 'Seed deal 1000'), 'the last deal, where the fling stopped');
    const calls = (await listCalls('stardex')) - before;
    assert.ok(calls <= 2, `the fling made ${calls} list requests on the way; only where it stopped needs one`);
    const rows = await mounted(page);
    assert.deepEqual(rows.map((r) => r.index), rows.map((_, k) => rows[0].index + k), 'rows numbered in order');
    for (const r of rows) assert.equal(r.cells[0], `Seed deal ${r.index - 1}`, `row ${r.index}`);
    await context.close();
    assert.deepEqual(problems, []);
  });

  test('a fling that stops among fetched rows draws them once it rests, without asking again', async () => {
    const { context, page, problems, region } = await openList();
    await readAheadIn(page);
    const before = await listCalls('stardex');
    // Three frames: from the top to about row 75, inside the rows fetched already.
    const names = (await fling(region, 3)).rows.map((r) => r.name);
    assert.ok(names.every((name) => name === ''), `rows passed empty in the fling, not ${names.find((n) => n !== '')}`);
    await until(async () => {
      const now = await mounted(page);
      return now.length > 0 && now.every((r) => r.cells[0] === `Seed deal ${r.index - 1}`);
    }, 'the rows where the fling stopped, with their deals');
    assert.equal((await listCalls('stardex')) - before, 0, 'no request for rows already here');
    await context.close();
    assert.deepEqual(problems, []);
  });

  test('leaving the list in the middle of a jump is clean', async () => {
    const { context, page, problems, region } = await openList();
    // The pages a jump lands on are fetched once the view has rested; here the list is gone first.
    await region.evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
    await page.getByRole('button', { name: 'New deal' }).click();
    await visible(page.getByRole('heading', { name: 'New deal' }));
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await until(async () => (await mounted(page)).some((r) => r.cells[0].startsWith('Seed deal 5')), 'the middle of the list, back');
    await context.close();
    assert.deepEqual(problems, []);
  });

  test('a taller window, or a taller box on the host page, fills the taller list with rows', async () => {
    const { context, page, problems, region } = await openList();
    // The last mounted row must reach the bottom of the region: nothing blank in view.
    const filled = () => region.evaluate((el) => {
      const rows = [...el.querySelectorAll('tbody tr[aria-rowindex]')];
      return rows.length > 0 && rows.at(-1).getBoundingClientRect().bottom >= el.getBoundingClientRect().bottom;
    });
    await until(filled, 'rows down to the bottom of the list');
    await page.setViewportSize({ width: 1280, height: 2000 });
    await until(filled, 'rows down to the bottom of the taller list');
    await region.evaluate((el) => { el.scrollTop = 20_000; });
    await until(filled, 'rows down to the bottom after scrolling');
    // The host page makes the list taller without resizing the window.
    await page.evaluate(() => document.documentElement.style.setProperty('--dealform-list-height', '3000px'));
    await until(async () => (await region.evaluate((el) => el.clientHeight)) > 2900, 'the taller box');
    await until(filled, 'rows down to the bottom of the box the host page made taller');
    await context.close();
    assert.deepEqual(problems, []);
  });

  test('sorting and searching start again from the top, in the new order', async () => {
    const { context, page, problems, region } = await openList();
    await region.press('End');
    await until(async () => region.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1), 'scrolled to the end');
    await page.getByRole('button', { name: 'Name' }).click();
    await until(async () => (await region.evaluate((el) => el.scrollTop)) === 0, 'back at the top');
    await page.getByRole('button', { name: 'Name' }).click();
    await until(async () => (await mounted(page))[0]?.cells[0] === 'Seed deal 999', 'the last name first when descending');
    await region.press('End');
    await until(async () => region.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1), 'scrolled to the end');
    await page.getByLabel('Search deals').fill('deal 99');
    // Every name with "deal" and "99" in it: 99, 199, … 899 and 990–999.
    await until(async () => (await mounted(page)).length === 19, 'the 19 matches');
    assert.equal(await region.evaluate((el) => el.scrollTop), 0);
    assert.equal(await page.getByRole('table', { name: 'Deals' }).getAttribute('aria-rowcount'), '20');
    await context.close();
    assert.deepEqual(problems, []);
  });

  test('a page that fails says so, loses nothing loaded, and comes with Retry', async () => {
    const { context, page, problems, region } = await openList();
    await crm.fault('stardex', { kind: '500', method: 'POST', path: '/v1/deals/search', remaining: 100 });
    await region.press('End');
    await visible(page.getByRole('alert').filter({ hasText: 'Some deals could not be loaded' }));
    await until(async () => (await mounted(page)).some((r) => r.cells[0] === 'Not loaded'), 'the rows that failed say so');
    // The CRM recovers (same deals, no more faults); Retry asks again.
    await crm.reset('stardex', DEALS);
    await page.getByRole('button', { name: 'Retry' }).click();
    await until(async () => (await mounted(page)).some((r) => r.cells[0] === `Seed deal ${DEALS}`), 'the last deal after Retry');
    assert.equal(await page.getByRole('alert').filter({ hasText: 'Some deals could not be loaded' }).count(), 0);
    await region.press('Home');
    await until(async () => (await mounted(page))[0]?.cells[0] === 'Seed deal 01', 'the first page, still there');
    await context.close();
    assert.deepEqual(problems.filter((p) => !p.includes('500')), []);
  });
});

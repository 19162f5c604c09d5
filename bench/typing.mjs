// `make bench-typing`: how often a key event is put on screen late (Event Timing over 16 ms),
// typing into dealform's form and into a plain <input> on a page with no app, alternating, in
// the same headless Chromium. `make bench` measures this too, but with one plain-input sample a
// run; this takes more of both, to tell the app's share from the machine's.
// usage: node bench/typing.mjs [runs]   (the release build in dist/, the fake CRM built)
import { resolve } from 'node:path';
import { CRM_CREDENTIALS, launch, serveDist, startFakeCrm } from '../tests/e2e/harness.mjs';
import { focusPlainInput, typeForty } from './typing-probe.mjs';

const RUNS = Number(process.argv[2] || 12);
const crm = await startFakeCrm();
try {
  await crm.reset('stardex', 10000);
  const server = await serveDist(resolve(import.meta.dirname, '../dist'), { subpath: false });
  server.config = JSON.stringify({ provider: 'stardex', base_url: `${crm.url}/stardex`, credentials: CRM_CREDENTIALS.stardex, page_size: 25 });

  /** The name field of the app's new-deal form, focused, as `make bench` reaches it. */
  const appField = async (page) => {
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length >= 25, null, { timeout: 60_000 });
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: 'New deal' }).click();
    await page.getByLabel('Name', { exact: false }).first().click();
  };

  const browser = await launch();
  const late = { dealform: [], 'plain input': [] };
  for (let i = 0; i < RUNS; i++) {
    for (const [name, open] of i % 2 ? [['plain input', focusPlainInput], ['dealform', appField]] : [['dealform', appField], ['plain input', focusPlainInput]]) {
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      await open(page);
      const t = await typeForty(page);
      late[name].push({ any: t.keyEventsOver16 > 0, keys: t.keysOver16, handling: t.longestLateHandlingMs });
      await context.close();
      process.stderr.write('.');
    }
  }
  await browser.close();
  process.stderr.write('\n');
  for (const [name, runs] of Object.entries(late)) {
    const withLate = runs.filter((r) => r.any).length;
    console.log(`${name}: runs with a key put on screen over 16 ms after it: ${withLate} of ${RUNS}; late keys per run: ${runs.map((r) => r.keys).join(' ')}; longest handling of a late one: ${Math.max(0, ...runs.map((r) => r.handling)).toFixed(1)} ms`);
  }
} finally {
  crm.stop();
}
process.exit(0);

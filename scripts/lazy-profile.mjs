// The profile behind the lazy module (scripts/lazy-split.mjs): which of the main module's
// functions a page runs before the user does anything. An instrumented build (every function
// reports itself as it first runs, `lazy.hit`) is served and opened in headless Chromium in each
// way a page can start: with no configuration, with sample deals, against each CRM's fake, with
// the scrolling list, as a widget, in create-only and list-only modes, with a draft to offer back,
// and with the errors a first load can meet (a CRM that refuses the key, fails, asks to wait, or
// cannot be reached; unreadable stored deals; a configuration with a mistake). Each waits for
// its first view, then a little longer, for what follows it on its own (the stage names, the
// focus, a retry).
//
// Why these: code a first load runs must not wait for the lazy module, and code it does not run
// should not be fetched before the list shows. What only the user's actions run (a click, a key,
// a form) is left out: the page fetches the lazy module once its first view is shown, before the
// user usually acts.
import { CRM_CREDENTIALS as CREDENTIALS, launch, serveDist, startFakeCrm } from '../tests/e2e/harness.mjs';

/** How long a page may take to show its first view. */
const SHOW = 30_000;
/** How long after its first view a page is watched for what it does on its own. */
const SETTLE = 1_500;

/**
 * Where each CRM dialect asks for its stage names (src/providers): the list shows its rows with
 * the stages' ids until the names come, then puts the names in, which is code a first load runs
 * only when the names come last. Which of the two answers comes first is a race, so the profile
 * holds the names back in a scenario of its own: otherwise a build would keep that code or not
 * by chance, and a first load where the names came last would wait for the lazy module.
 */
const STAGE_PATHS = {
  stardex: '/v1/deal-statuses',
  hubspot: '/crm-pipelines/v1/pipelines/deals',
  ysuite: '/v1/pipelines',
  attio: '/v2/objects/deals/attributes/stage/statuses',
  heffl: '/pipelines',
};

/** The first views a page can show: a table row, the empty list, an error, a form. */
const FIRST_VIEW = [
  'tbody tr td', 'p.df-empty:not(:empty)', '[role="alert"]', 'form', '.df-error', '.df-panel',
];

/**
 * Runs every way a page can start in the build in `dist` (whose main module reports its
 * functions through `globalThis.__dealformHits`) and returns the numbers of the functions that
 * ran, in any of them.
 */
export async function profile(dist, { fakeCrm } = {}) {
  const server = await serveDist(dist, { subpath: false });
  const crm = await startFakeCrm(fakeCrm);
  const browser = await launch();
  const hits = new Set();
  const byScenario = {};
  const base = (p) => `${crm.url}/${p}`;
  const crmConfig = (p, extra = {}) => ({ provider: p, base_url: base(p), credentials: CREDENTIALS[p], ...extra });
  const scenarios = [
    { name: 'no configuration' },
    { name: 'sample deals', config: { sample_data: true } },
    { name: 'sample deals, list only', config: { sample_data: true, mode: 'list' } },
    { name: 'sample deals, scrolling list', config: { sample_data: true, list: 'scroll' } },
    { name: 'create only', config: { mode: 'create' } },
    { name: 'a draft to offer back', config: { sample_data: true }, storage: { 'dealform.drafts.v1': '{"new":{"target":"New","draft":{"name":"y"}}}' } },
    { name: 'unreadable stored deals', storage: { 'dealform.deals.v1': '{garbage' } },
    { name: 'a configuration with a mistake', config: '{"provider": "stardex"}' },
    { name: 'a configuration that is not JSON', config: '{provider' },
    ...Object.keys(CREDENTIALS).map((p) => ({ name: p, config: crmConfig(p), crm: p })),
    // The names held back 700 ms: past the first view, and in before SETTLE ends.
    ...Object.keys(CREDENTIALS).map((p) => ({ name: `${p}, its stage names after its deals`, config: crmConfig(p), crm: p, fault: { kind: 'slow', path: STAGE_PATHS[p], ms: 700 } })),
    { name: 'stardex, scrolling list', config: crmConfig('stardex', { list: 'scroll' }), crm: 'stardex' },
    { name: 'stardex, list only', config: crmConfig('stardex', { mode: 'list' }), crm: 'stardex' },
    { name: 'stardex, a wrong key', config: { ...crmConfig('stardex'), credentials: { token: 'wrong-key' } }, crm: 'stardex' },
    { name: 'stardex, a server error', config: crmConfig('stardex'), crm: 'stardex', fault: { kind: '500', method: 'POST', path: '/v1/deals/search' } },
    { name: 'stardex, asked to wait', config: crmConfig('stardex'), crm: 'stardex', fault: { kind: '429', method: 'POST', path: '/v1/deals/search', retry_after: 1 }, settle: 3_000 },
    { name: 'hubspot, an unreadable answer', config: crmConfig('hubspot'), crm: 'hubspot', fault: { kind: 'malformed', method: 'GET' } },
    { name: 'a CRM that cannot be reached', config: { ...crmConfig('stardex'), base_url: 'http://127.0.0.1:9/stardex' } },
    { name: 'a widget', host: '<deal-form sample-data></deal-form>' },
    { name: 'a widget on a CRM', host: (c) => `<deal-form config='${JSON.stringify(c)}'></deal-form>`, widgetConfig: crmConfig('attio'), crm: 'attio' },
    { name: 'a widget by DealForm.mount', host: '<div id="here"></div><script type="module">import "/dealform.js"; customElements.whenDefined("deal-form").then(() => window.DealForm.mount(document.getElementById("here"), { sample_data: true }));</script>' },
  ];
  try {
    for (const s of scenarios) {
      if (s.crm) await crm.reset(s.crm);
      if (s.fault) await crm.fault(s.crm, s.fault);
      server.config = s.config === undefined ? null : typeof s.config === 'string' ? s.config : JSON.stringify(s.config);
      let url = server.url;
      if (s.host) {
        const body = typeof s.host === 'function' ? s.host(s.widgetConfig) : s.host;
        server.page('/host.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><script type="module" src="/dealform.js"></script></head><body>${body}</body></html>`);
        url = `${server.url}host.html`;
      }
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      if (s.storage) await page.addInitScript((entries) => { for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v); }, s.storage);
      await page.goto(url);
      const shown = FIRST_VIEW.map((sel) => page.locator(`:light(${sel}), ${sel}`).first());
      try {
        await Promise.any(shown.map((l) => l.waitFor({ state: 'attached', timeout: SHOW })));
      } catch {
        throw new Error(`lazy-profile: "${s.name}" showed nothing within ${SHOW / 1000} s`);
      }
      await page.waitForTimeout(s.settle ?? SETTLE);
      // A fault on a path the page never asked for would profile the plain first load again.
      if (s.fault?.path && !(await crm.requests(s.crm)).some((r) => r.endsWith(` ${s.fault.path}`))) {
        throw new Error(`lazy-profile: "${s.name}" never asked for ${s.fault.path}: has the path changed?`);
      }
      const seen = await page.evaluate(() => [...(globalThis.__dealformHits ?? [])]);
      if (seen.length === 0) throw new Error(`lazy-profile: "${s.name}" reported no functions: is the build instrumented?`);
      for (const f of seen) hits.add(f);
      byScenario[s.name] = seen;
      await context.close();
    }
  } finally {
    await browser.close();
    crm.stop();
    await server.close();
  }
  if (process.env.DEALFORM_PROFILE_DUMP) (await import('node:fs')).writeFileSync(process.env.DEALFORM_PROFILE_DUMP, JSON.stringify(byScenario));
  return [...hits].sort((a, b) => a - b);
}

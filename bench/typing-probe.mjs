// What `make bench` (run.mjs) and `make bench-typing` (typing.mjs) both do to time typing: the
// same 40 keys, the same probes, the same plain input for this machine's floor. Kept apart from
// run.mjs because that script runs its whole benchmark when imported.

/** The text typed, as a deal's name might be: 41 keys, spaces included (the bench's rows call
 *  it 40 characters, as they have since the first run). */
export const TYPED = 'Quarterly renewal for the northern region';

/** The median of the finite numbers in `xs`, or NaN when there are none. */
export const median = (xs) => {
  const s = [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

/** A page with a plain `<input>` and nothing else, the input focused: what this machine does
 *  with the same keys and no app. */
export async function focusPlainInput(page) {
  await page.setContent('<label>Name <input></label>');
  await page.getByLabel('Name').click();
}

/** Types `TYPED`, at 40 ms a key, into the focused field of `page`, and sums up each keydown's
 *  time to the frame after it (a rAF probe) and Chrome's Event Timing entries for key and input
 *  events of 16 ms or more. */
export async function typeForty(page) {
  await page.evaluate(() => {
    // Chrome's Event Timing: key events whose handling and next paint took 16 ms or more
    // (shorter ones are not reported, by design of the API).
    window.__slow = [];
    new PerformanceObserver((list) => {
      // The handlers' own time as well: the rest of an entry is waiting for the next frame to be
      // presented. An event not reported took under 16 ms in all, its handling included.
      for (const e of list.getEntries()) if (/^key|input$/.test(e.name)) window.__slow.push({ name: e.name, duration: e.duration, handling: e.processingEnd - e.processingStart });
    }).observe({ type: 'event', durationThreshold: 16 });
    window.__delays = [];
    document.addEventListener('keydown', (e) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__delays.push(performance.now() - t0), 0));
    }, true);
  });
  await page.keyboard.type(TYPED, { delay: 40 });
  await page.waitForFunction((n) => window.__delays.length >= n, TYPED.length, { timeout: 30_000 });
  const delays = await page.evaluate(() => window.__delays);
  await page.waitForTimeout(500);
  const slowEvents = await page.evaluate(() => window.__slow);
  const late = slowEvents.filter((e) => e.duration > 16);
  return {
    typingMedianMs: median(delays),
    typingWorstMs: Math.max(...delays),
    slowKeyEvents: slowEvents.length,
    keyEventsOver16: late.length,
    // A late key is late in its keydown, keypress and input entries alike: its keydown counts it.
    keysOver16: late.filter((e) => e.name === 'keydown').length,
    slowestKeyEventMs: Math.max(0, ...slowEvents.map((e) => e.duration)),
    longestKeyHandlingMs: Math.max(0, ...slowEvents.map((e) => e.handling)),
    longestLateHandlingMs: Math.max(0, ...late.map((e) => e.handling)),
  };
}

// The payment page on a phone over slow 4G, in Chromium: first visit and repeat visit.
// Throttling is Lighthouse's slow-4G profile (562.5 ms round trip, 1.44 Mbit/s down, 675 kbit/s up) through the
// DevTools protocol, on a 375 x 667 viewport. "Usable" = navigation start until the card form's Pay button is
// visible and enabled with the page loaded; "transferred" = bytes over the wire (headers included) of the page
// and every resource, from the browser's own resource timing. Run by bench/run.sh.
import { chromium } from 'playwright-core';

const link = process.argv[2];
const runs = Number(process.argv[3] || 3);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'] });

async function visit(page, url) {
  const start = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#card\\:pay:not([disabled])', { state: 'visible' });
  const usable = Date.now() - start;
  const { bytes, requests, largestScript } = await page.evaluate(() => {
    const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    const scripts = all.filter(e => e.initiatorType === 'script').map(e => ({ name: e.name, bytes: e.encodedBodySize || 0 }));
    scripts.sort((a, b) => b.bytes - a.bytes);
    return { bytes: all.reduce((sum, e) => sum + (e.transferSize || 0), 0), requests: all.length,
             largestScript: scripts[0] || { name: '(none)', bytes: 0 } };
  });
  return { usable, bytes, requests, largestScript };
}

const results = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 562.5,
    downloadThroughput: 1.44 * 1024 * 1024 / 8, uploadThroughput: 675 * 1024 / 8 });
  // the emailed link opens the payer's session and redirects to the page (first visit, empty cache)
  const first = await visit(page, link);
  // the same page again, as a payer coming back to it (cache kept)
  const repeat = await visit(page, new URL('/checkout/', link).toString());
  results.push({ first, repeat });
  await context.close();
}
await browser.close();
console.log(JSON.stringify(results));

// A long ledger in Chromium: signs in as a biller, opens the ledger of one client (bench/run.sh gives it 5,000
// invoices and 10,000 payments) and times the first render (navigation until the invoice table is shown) and a
// switch to the Payments tab (click until the payments table is shown), each the median of RUNS; counts the rows
// the browser received. Prints JSON. Usage: node bench/ledger.mjs BASE USER PASSWORD CLIENT_ID [RUNS]
import { chromium } from 'playwright-core';

const [base, user, password, clientId] = process.argv.slice(2, 6);
const runs = Number(process.argv[6] || 3);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
page.setDefaultTimeout(300000);
await page.goto(`${base}/login.xhtml`);
await page.fill('#login\\:username', user);
await page.fill('#login\\:password', password);
await Promise.all([page.waitForNavigation(), page.click('#login\\:submit')]);

const median = xs => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const first = [], tab = [];
let invoiceRows = 0, paymentRows = 0, htmlBytes = 0;
for (let i = 0; i < runs; i++) {
  let start = Date.now();
  const response = await page.goto(`${base}/staff/ledger.xhtml?client=${clientId}`, { waitUntil: 'load' });
  htmlBytes = (await response.body()).length;
  await page.waitForSelector('[id$="allInvoices"] tbody tr', { state: 'visible' });
  first.push(Date.now() - start);
  invoiceRows = await page.locator('[id$="allInvoices"] tbody tr').count();
  start = Date.now();
  await page.locator('a[href*="paymentsTab"], li[data-index="2"] a, [role="tab"]:has-text("Payments")').first().click();
  await page.waitForSelector('[id$="payments"] tbody tr', { state: 'visible' });
  tab.push(Date.now() - start);
  paymentRows = await page.locator('[id$="payments"] tbody tr').count();
}
await browser.close();
console.log(JSON.stringify({ firstRender: median(first), tabSwitch: median(tab), invoiceRows, paymentRows, htmlBytes }));

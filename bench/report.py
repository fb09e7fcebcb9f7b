"""Writes docs/performance.md (or the quick run's copy) from the key=value figures bench/run.sh collected in one run.
Each figure stands beside its goal (issue 14) and whether this run met it; landing figures are also given as a share
of the baseline servlet measured in the same run, the only comparison that survives a shared 2-core machine."""
import datetime
import sys

r = {}
for line in open(sys.argv[1]):
    if '=' in line:
        k, v = line.rstrip('\n').split('=', 1)
        r[k] = v
quick = sys.argv[2] == '1'
f = lambda k, missing=None: float(r[k]) if k in r or missing is None else missing
met = lambda ok: 'met' if ok else '**missed**'

def top(name, kind):
    try:
        rows = [l.rstrip('\n').split('\t') for l in open(f'bench/target/{name}.{kind}')]
    except FileNotFoundError:
        return []
    total = next((int(c) for n, c in rows if n == 'TOTAL'), 0)
    return [(int(n) * 100 / max(total, 1), frame) for n, frame in rows if n != 'TOTAL'][:8]

base_rps, base_p99 = f('baseline.rps'), f('baseline.p99')
per_request = lambda name: int(r[f'{name}.dbWrites']) / max(int(r[f'{name}.requests']), 1)
writes = lambda name: (f"{r[f'{name}.dbWrites']} rows written to PostgreSQL in {int(r[f'{name}.requests']):,} requests "
                       f"({per_request(name):.3f} per request)")
pay_share, co_share = f('pay.rps') / base_rps, f('checkout.rps') / base_rps
out = []
p = out.append
p('# Performance')
p('')
p(f"Every figure below comes from one run of `bash bench/run.sh{' --quick' if quick else ''}` on {datetime.date.today()}, "
  f"on this machine ({r['cores']} cores; the load generators, PostgreSQL, Chromium and WildFly share them). The command "
  "builds Paylink, starts PostgreSQL (a fresh database), its own WildFly with the demo EAR (sandbox payments) and a "
  "bench-only baseline servlet (`bench/baseline`, never in the release EAR), loads the data of `bench/load.sql`, runs "
  "each scenario, stops everything and rewrites this file. The per-address limits are lifted for the run because all "
  "load comes from 127.0.0.1. Absolute figures move from run to run on shared cores; the ratios against the baseline "
  "measured in the same run are what to compare between runs.")
if quick:
    p('')
    p('**Quick run** (the test suite runs it so the harness cannot rot): small sizes, seconds per scenario; '
      'the figures are not meaningful, only that every scenario produced one.')
p('')
p('| scenario | figure | goal | this run |')
p('|---|---|---|---|')
p(f"| Landing: baseline servlet (`GET /bench-baseline/pay/<token>`: hash, one indexed lookup through the server's pool, small HTML), 32 connections | "
  f"{base_rps:,.0f} req/s, p50 {f('baseline.p50'):.1f} ms, p99 {base_p99:.1f} ms | the yardstick | |")
p(f"| Landing: `GET /pay/<token>` (lookup, view recorded, new payer session, 303), 32 connections | {f('pay.rps'):,.0f} req/s "
  f"({pay_share:.0%} of the baseline), p99 {f('pay.p99'):.1f} ms ({f('pay.p99') / base_p99:.1f}× the baseline's), {r['pay.errors']} errors; "
  f"{writes('pay')} | "
  f"≥ 50 % of the baseline's req/s, p99 ≤ 3×, no database write per request after a link's first view of a minute | "
  f"{met(pay_share >= 0.5 and f('pay.p99') <= 3 * base_p99 and per_request('pay') < 0.01)} |")
p(f"| Landing: `GET /checkout/` (the payment page, one payer session), 32 connections | {f('checkout.rps'):,.0f} req/s "
  f"({co_share:.0%} of the baseline), p99 {f('checkout.p99'):.1f} ms ({f('checkout.p99') / base_p99:.1f}× the baseline's), {r['checkout.errors']} errors; "
  f"{writes('checkout')} | "
  f"≥ 25 % of the baseline's req/s, p99 ≤ 3× | {met(co_share >= 0.25 and f('checkout.p99') <= 3 * base_p99)} |")
p(f"| Link issuance through the API: `POST /api/invoices/{{id}}/payment-links` with an API key (authentication, JSON, then the "
  f"boundary), 16 connections, a new invoice each request | {f('issue.linksPerSecond'):,.1f} links/s (p99 {f('issue.p99'):.0f} ms, "
  f"{r['issue.errors']} errors), {f('issue.linksPerSecond') / f('issueRows.linksPerSecond'):.0%} of the issuance baseline"
  + (f"; each link's mail handed to SMTP p50 {f('issue.mailLagP50Ms'):.0f} ms, p99 {f('issue.mailLagP99Ms'):.0f} ms after its commit"
     if 'issue.mailLagP99Ms' in r else "") + " | "
  f"≥ 500 links/s and ≥ 33 % of the issuance baseline; every link mailed, mail lag p99 ≤ 2 s | "
  f"{met(f('issue.linksPerSecond') >= 500 and f('issue.linksPerSecond') >= 0.33 * f('issueRows.linksPerSecond') and r['issue.errors'] == '0' and r['issue.mailsPending'] == '0' and f('issue.mailLagP99Ms', 1e9) <= 2000)} |")
p(f"| Issuance baseline (`POST /bench-baseline/issue-rows/<id>`: one read of the invoice, then the rows an issuance and its "
  f"mail leave behind, in one JDBC transaction through the server's pool; no checks, no JPA, no queue, no mail), 16 connections | "
  f"{f('issueRows.linksPerSecond'):,.1f} links/s (p99 {f('issueRows.p99'):.0f} ms, {r['issueRows.errors']} errors) | the yardstick | |")
p(f"| Link issuance through the boundary alone: `PaymentLinkService.send` as a biller (permission checks, token, rows, queued "
  f"mail), called by the bench servlet, 16 at a time | {f('boundary.linksPerSecond'):,.1f} links/s (p99 {f('boundary.p99'):.0f} ms, "
  f"{r['boundary.errors']} errors); all {r['issue.links']} links of both runs mailed {int(r['issue.mailDrainMs']) / 1000:.1f} s after "
  f"the last request, {r['issue.mailsPending']} pending ({r.get('issue.reissued', '0')} links were sent again for an invoice and revoked the earlier one) | ≥ 500 links/s, mails all delivered | "
  f"{met(f('boundary.linksPerSecond') >= 500 and r['issue.mailsPending'] == '0' and r['boundary.errors'] == '0')} |")
if 'texts.asked' in r:
    p(f"| Texts (issue 23): {r['texts.asked']} links asked for by text at once through the API (`channels: [\"text\"]`, 32 at a time), "
      f"through Twilio's SDK to the local Twilio-compatible server | the last accepted {int(r['texts.spanMs']) / 1000:.1f} s after the first "
      f"was asked; each from asking to accepted p50 {r['texts.p50Ms']} ms, p99 {r['texts.p99Ms']} ms; {r['texts.accepted']} of "
      f"{r['texts.asked']} accepted, {r['texts.errors']} API errors | every text accepted | "
      f"{met(r['texts.accepted'] == r['texts.asked'] and r['texts.errors'] == '0')} |")
    p(f"| Texts while Twilio answers 429 for the first seconds: {r['texts429.asked']} more | the last accepted "
      f"{int(r['texts429.spanMs']) / 1000:.1f} s after the first was asked (p50 {r['texts429.p50Ms']} ms, p99 {r['texts429.p99Ms']} ms); "
      f"{r['texts429.accepted']} of {r['texts429.asked']} accepted; Twilio holds {r['texts.messages']} messages for the number, "
      f"{r['texts.twice']} links texted twice, {r['texts.unmatched']} messages or links unmatched | none sent twice, none lost | "
      f"{met(r['texts.twice'] == '0' and r['texts.unmatched'] == '0' and r['texts429.accepted'] == r['texts429.asked'])} |")
p(f"| Pay → inbox: a payment's commit to the Admin's notification row, {r['inbox.payments']} payments one after another | "
  f"p50 {f('inbox.rowP50'):.0f} ms, p99 {f('inbox.rowP99'):.0f} ms ({r['inbox.notified']} of {r['inbox.payments']} notified) | p99 ≤ 250 ms | "
  f"{met(f('inbox.rowP99') <= 250 and r['inbox.notified'] == r['inbox.payments'])} |")
p(f"| Pay → inbox: commit to the new unread count arriving on a signed-in staff page's WebSocket | p50 {f('inbox.pushP50'):.0f} ms, "
  f"p99 {f('inbox.pushP99'):.0f} ms ({r['inbox.pushed']} of {r['inbox.payments']} pushed) | | |")
p(f"| Expiry at volume: {int(r['expiry.links']):,} links past their expiry, one scheduled sweep | {int(r['expiry.sweepMs']) / 1000:.1f} s, "
  f"peak heap {r['expiry.peakHeapMb']} MB, {r['expiry.leftActive']} left | ≤ 30 s | {met(int(r['expiry.sweepMs']) <= 30000 and r['expiry.leftActive'] == '0')} |")
if 'import.ms' in r:
    p(f"| CSV import: {int(r['import.rows']):,} clients ({int(r['import.fileKb']):,} KB) through `POST /api/imports` (Admin > Import's "
      f"background import, a row per transaction), until its progress says done | {int(r['import.ms']) / 1000:.1f} s "
      f"({int(r['import.rowsPerSecond']):,} rows/s), {r['import.created']} added, {r['import.refused']} refused; peak heap "
      f"{r['import.peakHeapMb']} MB of {r['import.maxHeapMb']} MB (after a full GC before it: {r['import.heapBeforeMb']} MB) | "
      f"every row in, without exhausting memory (peak under half the maximum heap) | "
      f"{met(r['import.created'] == r['import.rows'] and int(r['import.peakHeapMb']) * 2 < int(r['import.maxHeapMb']))} |")
if 'batch.clients' in r:
    p(f"| Batch send (issue 24): {int(r['batch.clients']):,} clients who owe, one link each by email, started through "
      f"`POST /api/batch-sends` (as Open balances does; one client per transaction in the background) | finished in "
      f"{int(r['batch.finishedMs']) / 1000:.1f} s; the last email handed to SMTP {int(r['batch.toLastMailMs']) / 1000:.1f} s after the "
      f"request ({r['batch.clientsPerSecond']} clients/s); {r['batch.sent']} sent, {r['batch.skipped']} skipped, {r['batch.failed']} failed, "
      f"{r['batch.mails']} emails; peak heap {r['batch.peakHeapMb']} MB of {r['batch.maxHeapMb']} MB (after a full GC: "
      f"{r['batch.heapBeforeMb']} MB before, {r['batch.heapAfterMb']} MB after, the demo's mail catcher keeping every mail) | "
      f"every client mailed once (the issue sets no figure for time or heap: both are reported) | "
      f"{met(r['batch.sent'] == r['batch.clients'] and r['batch.mails'] == r['batch.clients'])} |")
su = int(r['startup.withMs']) / int(r['startup.withoutMs']) - 1
p(f"| Start-up (launch to both deployments up, the quickest of {'one start' if quick else 'two starts'}) with {int(r['startup.liveLinks']):,} live links vs with {int(r['startup.liveBefore']):,} | "
  f"{int(r['startup.withMs']) / 1000:.1f} s vs {int(r['startup.withoutMs']) / 1000:.1f} s ({su:+.0%}) | within 10 % | {met(su <= 0.10)} |")
per = int(r['memory.bytesPerSession'])
p(f"| Memory: {int(r['memory.sessions']):,} payer sessions opened ({r['memory.failed']} failed) | heap after a full GC {r['memory.heapBeforeMb']} → "
  f"{r['memory.heapAfterMb']} MB, about {per:,} bytes per payer session; resident memory {r['memory.rssBeforeMb']} → {r['memory.rssAfterMb']} MB | "
  f"(none set) | |")
fb = f('weight.firstBytes')
p(f"| Page weight: the emailed link on a phone (375 × 667, slow 4G, Chromium), first visit | {fb / 1024:.1f} KB in {r['weight.firstRequests']} requests, "
  f"usable in {r['weight.firstUsableMs']} ms; largest script: {r['weight.largestScript']} | < 250 KB (Stripe's script excluded; sandbox has none) | {met(fb < 250 * 1024)} |")
p(f"| Page weight: repeat visit (cache kept) | {f('weight.repeatBytes') / 1024:.1f} KB in {r['weight.repeatRequests']} requests | | |")
p(f"| A long ledger: {int(r['ledger.invoices']):,} invoices, {int(r['ledger.payments']):,} payments, in Chromium | first render "
  f"{r['ledger.firstRender']} ms ({int(r['ledger.htmlBytes']) / 1024:.0f} KB of HTML, {r['ledger.invoiceRows']} invoice rows rendered); switch to Payments "
  f"{r['ledger.tabSwitch']} ms ({r['ledger.paymentRows']} rows) | pages and sorts on the server, never renders {int(r['ledger.invoices']):,} rows | "
  f"{met(int(r['ledger.invoiceRows']) < int(r['ledger.invoices']))} |")
if 'cluster.onePay.rps' in r:
    p(f"| Cluster: `GET /pay/<token>`, one node vs two behind the balancer (bench/cluster.sh) | one node {r['cluster.onePay.rps']} requests/s "
      f"(p99 {r['cluster.onePay.p99']} ms), two nodes {r['cluster.twoPay.rps']} requests/s (p99 {r['cluster.twoPay.p99']} ms); errors "
      f"{r['cluster.onePay.errors']} / {r['cluster.twoPay.errors']} | correctness, not speed: 2 cores run both nodes and the balancer | |")
    p(f"| Cluster: link issuance through the API, one node vs two | one node {r['cluster.oneIssue.rps']} links/s (p99 {r['cluster.oneIssue.p99']} ms), "
      f"two nodes {r['cluster.twoIssue.rps']} links/s (p99 {r['cluster.twoIssue.p99']} ms); invoices with two active links: {r['cluster.linksTwice']} | "
      f"none twice (PL5) | {met(r['cluster.linksTwice'] == '0')} |")
else:
    p('| Cluster: one node vs two behind the balancer | measured by a full run only (`bash bench/run.sh --cluster` alone) | | |')
profiles = [(n, w) for n, w in (('pay', '`GET /pay/<token>`'), ('checkout', '`GET /checkout/`'),
                                   ('issue', 'link issuance through the API'), ('boundary', 'link issuance through the boundary'))
            if top(n, 'top')]
if profiles:
    p('')
    p('## Profiles (JFR, during the scenario, in the same run)')
    for name, what in profiles:
        p('')
        p(f'{what}: CPU samples by the frame at the top of the stack, and by the innermost Paylink frame on the stack '
          '(time spent in or below it; what is not in a Paylink frame is the container, JSF, JPA or the broker around it):')
        p('')
        p('| top of stack | share | innermost Paylink frame | share |')
        p('|---|---|---|---|')
        a, b = top(name, 'top'), top(name, 'ours')
        for i in range(max(len(a), len(b))):
            l = a[i] if i < len(a) else (0, '')
            r = b[i] if i < len(b) else (0, '')
            p(f"| {('`' + l[1] + '`') if l[1] else ''} | {f'{l[0]:.0f} %' if l[1] else ''} | {('`' + r[1] + '`') if r[1] else ''} | {f'{r[0]:.0f} %' if r[1] else ''} |")
import os
if not quick and os.path.exists('bench/notes.md'):
    p('')
    p(open('bench/notes.md').read().rstrip('\n'))
print('\n'.join(out))

/**
 * Reports for a practice's Admins, read across the capabilities' tables and written to none: the link activity
 * report (every payment link sent in a date range, its outcome, times and amounts; weekly figures; CSV export).
 * <p>Operations ({@code LinkActivityService}): defaultFilter, summary, count, rows (a page, sorted by a whitelisted
 * column), exportAfter (the CSV's rows in batches, oldest first).
 * <p>Rules:
 * <ol>
 * <li>R1. Only an Admin reads a report (the role and the permission in the database, on the server), and only of
 * their own practice: another practice's links never appear, whatever the filter names.</li>
 * <li>R2. A filter needs a start and an end date (days in the practice's display zone, both included), the start
 * on or before the end, at most {@value com.paylink.report.boundary.LinkActivityFilter#MAX_DAYS} days, a client
 * search of at most {@value com.paylink.report.boundary.LinkActivityFilter#MAX_CLIENT_TEXT} characters; anything
 * else is refused with its own message and nothing is read.</li>
 * <li>R3. A link's outcome is its state now: SENT (working, never opened), VIEWED (working, opened), PAID,
 * EXPIRED (past its expiry, swept or not), REVOKED, LOCKED. Amounts: paid is the sum of the payments posted
 * through the link (before any refund); due is the invoice's balance when the link was sent, from the ledger's
 * history (lines less payments, completed refunds and adjustments dated before the send).</li>
 * <li>R4. The figures are computed by the database over every matching link (never one page): per ISO week of
 * sending in the display zone, links sent, viewed and paid and the amount paid; the share of links paid within
 * 24 hours of sending; the median time from sending to payment; the amount paid through links.</li>
 * <li>R5. The CSV export carries no clinical detail (no service, provider or diagnosis) and is Admin-only like
 * the page; its cells cannot start a spreadsheet formula.</li>
 * </ol>
 */
package com.paylink.report;

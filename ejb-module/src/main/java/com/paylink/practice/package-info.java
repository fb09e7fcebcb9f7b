/**
 * The practice: the organisation, its card-processing enrolment and its sending address.
 * <p>Rules:
 * <ol>
 * <li>P1. Every client, staff member, appointment and invoice belongs to exactly one practice; staff
 * see only their own practice's records (enforced by the ledger and identity boundaries).</li>
 * <li>P2. Only a practice enrolled in card processing may send payment links.</li>
 * </ol>
 */
package com.paylink.practice;

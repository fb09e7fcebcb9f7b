/**
 * Small shared kernel: {@link com.paylink.shared.Money}, {@link com.paylink.shared.CardSummary} (the most of a
 * card Paylink keeps: brand and last four digits) and the business-exception family that every capability uses. Nothing here knows about a capability.
 */
package com.paylink.shared;

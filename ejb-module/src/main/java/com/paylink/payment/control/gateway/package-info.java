/**
 * The card gateway port: what the payment capability asks of any card processor, in our own types.
 * Adapters depend on this package; this package depends on none of them.
 */
package com.paylink.payment.control.gateway;

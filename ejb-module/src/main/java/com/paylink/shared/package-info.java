/**
 * Small shared kernel: {@link com.paylink.shared.Money} and the business-exception family that every
 * capability uses. Nothing here knows about a capability.
 */
package com.paylink.shared;

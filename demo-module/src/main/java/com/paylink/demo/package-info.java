/**
 * The embedded demo: seed data and a mail catcher, active only when {@code paylink.demo=true} /
 * {@code paylink.demo.mailbox=true}. Production never sets these; nothing else depends on this package.
 */
package com.paylink.demo;

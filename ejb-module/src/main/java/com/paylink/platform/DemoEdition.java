package com.paylink.platform;

/**
 * Present (as a CDI bean) only in the demo EAR, whose demo-module implements it. The release EAR has no
 * implementation, so no flag can turn a release server into a demo: the demo's relaxations (plain-HTTP
 * public URL, seeded accounts, the mailbox, the wipe at start-up) need the demo code to be deployed.
 */
public interface DemoEdition {
}

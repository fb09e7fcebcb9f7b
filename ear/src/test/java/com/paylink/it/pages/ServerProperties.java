package com.paylink.it.pages;

import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sets a system property on the running test server through its management API. Paylink reads its settings
 * at every use (PaylinkConfig), so a test can shorten a timeout for a moment and put it back after.
 */
final class ServerProperties {

    private final ManagementClient management;

    ServerProperties(ManagementClient management) {
        this.management = management;
    }

    void set(String name, String value) throws IOException {
        unset(name);
        ModelNode add = new ModelNode();
        add.get("operation").set("add");
        add.get("address").add("system-property", name);
        add.get("value").set(value);
        ModelNode result = management.getControllerClient().execute(add);
        assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("success");
    }

    void unset(String name) throws IOException {
        ModelNode remove = new ModelNode();
        remove.get("operation").set("remove");
        remove.get("address").add("system-property", name);
        management.getControllerClient().execute(remove); // absent already: nothing to do
    }
}

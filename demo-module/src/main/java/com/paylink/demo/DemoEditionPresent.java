package com.paylink.demo;

import com.paylink.platform.DemoEdition;
import jakarta.enterprise.context.ApplicationScoped;

/** Says "this is the demo EAR" to the release code that asks (StartupChecks). */
@ApplicationScoped
public class DemoEditionPresent implements DemoEdition {
}

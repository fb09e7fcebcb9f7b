package com.paylink.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URISyntaxException;

/**
 * Test deployments are the real EAR the build produced (target/paylink.ear), never a hand-picked
 * subset. In-container tests add their own classes and libraries to its WAR.
 */
public final class Deployments {

    public static final String EAR = "paylink.ear";
    public static final String WAR = "paylink-web.war";

    private Deployments() {
    }

    /** The EAR exactly as built, for tests that drive it from outside (browser, HTTP). */
    public static EnterpriseArchive application() {
        return ShrinkWrap.create(ZipImporter.class, EAR)
                .importFrom(new File(System.getProperty("paylink.ear", "target/paylink.ear")))
                .as(EnterpriseArchive.class);
    }

    /** The EAR with the test package and its libraries inside the WAR, for in-container tests. */
    public static EnterpriseArchive withTests(Class<?> testClass) {
        EnterpriseArchive ear = application();
        WebArchive war = ShrinkWrap.create(ZipImporter.class, WAR)
                .importFrom(ear.get(WAR).getAsset().openStream())
                .as(WebArchive.class);
        war.addPackage(testClass.getPackage());
        war.addClass(Mailbox.class);
        war.addAsLibraries(jarOf(org.assertj.core.api.Assertions.class), jarOf(org.awaitility.Awaitility.class),
                jarOf(org.hamcrest.Matcher.class), jarOf(com.paylink.stripelocal.LocalStripe.class));
        // Elytron's API lets a test call boundaries as a given staff member (see As)
        war.addAsManifestResource(new StringAsset("Manifest-Version: 1.0\nDependencies: org.wildfly.security.elytron,jdk.httpserver\n"),
                "MANIFEST.MF");
        ear.delete(WAR);
        ear.addAsModule(war);
        // every class of the package gets the same archive: DeployOnce deploys it once for all of them
        ear.add(new StringAsset(testClass.getPackage().getName()), DeployOnce.MARKER);
        return ear;
    }

    /** A library jar taken from the test class path (avoids the ShrinkWrap Maven resolver). */
    static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

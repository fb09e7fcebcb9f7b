package com.paylink.it;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 item 1: {@code mvn package} builds a release EAR with no demo in it (no demo classes, no mail
 * catcher, no mailbox page, no seeder, no way to wipe the database); the demo EAR the run command and the
 * tests deploy is that release with the demo layered on top. Both archives are opened, nested jars and
 * wars included, so the test fails if the demo leaks into the release or falls out of the demo.
 */
class ReleaseEarIT {

    private static final List<String> DEMO_MARKS = List.of("com/paylink/demo/", "com/paylink/web/demo/",
            "demo/mailbox.xhtml", "greenmail", "DemoDataSeeder", "DemoMailCatcher", "DemoDatabaseReset", "DemoReset");
    /** The benchmark's servlets (one sends links without authentication): in neither EAR, ever. */
    private static final List<String> BENCH_MARKS = List.of("com/paylink/bench/", "bench-baseline", "IssueServlet", "IssueRowsServlet");

    @Test
    void theReleaseEarHoldsNoDemo() throws IOException {
        List<String> entries = entries(Path.of(System.getProperty("paylink.release.ear", "target/paylink.ear")));
        assertThat(entries).as("the release's own code is there").anyMatch(e -> e.endsWith("com/paylink/paymentlink/boundary/PaymentLinkService.class"))
                .anyMatch(e -> e.endsWith("paylink-web.war!checkout/index.xhtml"))
                .as("PDFBox, which makes receipts, in the EAR's lib/").anyMatch(e -> e.matches("lib/org.apache.pdfbox-pdfbox-[0-9.]+\\.jar"));
        for (String mark : DEMO_MARKS) {
            assertThat(entries).as("no " + mark + " in the release EAR").noneMatch(e -> e.contains(mark));
        }
        List<String> demo = entries(Path.of(System.getProperty("paylink.ear", "../demo-ear/target/paylink-demo.ear")));
        for (String mark : BENCH_MARKS) {
            assertThat(entries).as("no " + mark + " in the release EAR").noneMatch(e -> e.contains(mark));
            assertThat(demo).as("no " + mark + " in the demo EAR").noneMatch(e -> e.contains(mark));
        }
    }

    @Test
    void theDemoEarIsTheReleaseWithTheDemoOnTop() throws IOException {
        List<String> release = entries(Path.of(System.getProperty("paylink.release.ear", "target/paylink.ear")));
        List<String> demo = entries(Path.of(System.getProperty("paylink.ear")));
        for (String mark : List.of("com/paylink/demo/DemoDataSeeder.class", "com/paylink/demo/DemoMailCatcher.class",
                "com/paylink/web/demo/MailboxBean.class", "demo/mailbox.xhtml", "greenmail")) {
            assertThat(demo).as(mark + " in the demo EAR").anyMatch(e -> e.contains(mark));
        }
        List<String> releaseClasses = release.stream().filter(e -> e.contains("com/paylink/") && e.endsWith(".class")).toList();
        assertThat(demo).as("every release class is in the demo too").containsAll(releaseClasses);
    }

    /** Every entry, with entries of nested archives as {@code outer!inner}. */
    private static List<String> entries(Path archive) throws IOException {
        assertThat(archive).exists();
        try (InputStream in = Files.newInputStream(archive)) {
            List<String> all = new ArrayList<>();
            collect("", in, all);
            return all;
        }
    }

    private static void collect(String prefix, InputStream in, List<String> all) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
            String name = prefix + entry.getName();
            all.add(name);
            if (!entry.isDirectory() && (name.endsWith(".jar") || name.endsWith(".war"))) {
                byte[] nested = zip.readAllBytes();
                collect(stripVersion(name) + "!", new ByteArrayInputStream(nested), all);
            }
        }
    }

    /** A nested archive's name without its folder or version, so the same class in both EARs compares equal. */
    private static String stripVersion(String name) {
        return name.replaceAll("^.*[/!]", "").replaceAll("-[0-9][0-9.]*(-SNAPSHOT)?(-jakarta)?\\.(jar|war)$", ".$3");
    }
}

package com.paylink.it.pages;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (Deque's Selenium integration) over the page a test has open: WCAG 2.1 A and AA rules; a serious or
 * critical violation fails the test, minor and moderate ones are printed. Every page a page test opens through
 * {@link Browser#open} is checked (issue 11).
 */
final class Axe {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Axe.class.getName());
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Axe() {
    }

    static void assertAccessible(WebDriver driver, String page) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        assertThat(results.isErrored()).as("axe ran on " + page + ": " + results.getErrorMessage()).isFalse();
        List<String> blocking = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream().limit(5)
                        .map(node -> node.getTarget() + " " + node.getFailureSummary()).toList())
                .toList();
        results.getViolations().stream()
                .filter(rule -> !"serious".equals(rule.getImpact()) && !"critical".equals(rule.getImpact()))
                .forEach(rule -> LOG.info(() -> "[axe] " + page + ": " + rule.getImpact() + " " + rule.getId()));
        assertThat(blocking).as("serious or critical WCAG 2.1 AA violations on " + page).isEmpty();
    }
}

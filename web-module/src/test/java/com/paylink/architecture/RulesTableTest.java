package com.paylink.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 28: docs/architecture.md's table of rules and the tests that fail without them cannot drift. Every rule the
 * capabilities define (a numbered {@code <li>P7.} in a package-info.java) is in the table, every rule the table or the
 * code cites is defined somewhere, and every test the table names ({@code Class.method}, or a class) exists.
 */
class RulesTableTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern DEFINED = Pattern.compile("<li>\\s*([A-Z]{1,3}\\d{1,2})\\.");
    private static final Pattern RULE = Pattern.compile("\\b(PAY|PL|P|L|N|M|I|S|R|T|C)(\\d{1,2})\\b");
    private static final Pattern CITED_TEST = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:Test|IT))(?:\\.([a-zA-Z0-9_]+)(\\*)?)?`");

    @Test
    void everyDefinedRuleIsInTheTable_andEveryRuleTheTableCitesIsDefined() throws IOException {
        Set<String> defined = definedRules();
        Set<String> inTable = new TreeSet<>();
        for (String row : tableRows()) {
            String rules = row.split("\\|")[1];
            Matcher m = RULE.matcher(rules);
            while (m.find()) {
                inTable.add(m.group(1) + m.group(2));
            }
        }
        assertThat(defined).as("rules defined in package-info.java but missing from docs/architecture.md's table")
                .isSubsetOf(inTable);
        assertThat(inTable).as("rules in the table that no package-info.java defines").isSubsetOf(defined);
    }

    @Test
    void everyTestTheTableNamesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String row : tableRows()) {
            Matcher m = CITED_TEST.matcher(row);
            while (m.find()) {
                Path source = testSource(m.group(1));
                if (source == null) {
                    missing.add(m.group(1));
                    continue;
                }
                if (m.group(2) != null) {
                    String text = Files.readString(source);
                    boolean prefix = m.group(3) != null;
                    Pattern method = Pattern.compile("void\\s+" + Pattern.quote(m.group(2)) + (prefix ? "\\w*" : "") + "\\s*\\(");
                    if (!method.matcher(text).find()) {
                        missing.add(m.group(1) + "." + m.group(2) + (prefix ? "*" : ""));
                    }
                }
            }
        }
        assertThat(missing).as("tests named in docs/architecture.md that do not exist").isEmpty();
    }

    /** The rows of the rules table: from its header to the first line that is not a table row. */
    private static List<String> tableRows() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("docs/architecture.md"));
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| rule | test that fails without it |")) {
                start = i + 2;
                break;
            }
        }
        assertThat(start).as("docs/architecture.md has the rules table").isPositive();
        List<String> rows = new ArrayList<>();
        for (int i = start; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            rows.add(lines.get(i));
        }
        return rows;
    }

    private static Set<String> definedRules() throws IOException {
        Set<String> rules = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("ejb-module/src/main/java"))) {
            for (Path file : files.filter(p -> p.getFileName().toString().equals("package-info.java")).toList()) {
                Matcher m = DEFINED.matcher(Files.readString(file));
                while (m.find()) {
                    rules.add(m.group(1));
                }
            }
        }
        return rules;
    }

    private static Path testSource(String simpleName) {
        for (String module : List.of("ejb-module", "web-module", "ear", "stripe-local", "twilio-local")) {
            Path tests = ROOT.resolve(module).resolve("src/test/java");
            if (!Files.isDirectory(tests)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(tests)) {
                Path found = files.filter(p -> p.getFileName().toString().equals(simpleName + ".java")).findFirst().orElse(null);
                if (found != null) {
                    return found;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }
}

package com.paylink.mail.boundary;

import com.paylink.shared.Languages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * L11: a language's email bundle is complete, so adding a language is adding a file that passes this test.
 * Reads the files as they are in the source tree, every one of them, whatever the code offers.
 */
class EmailBundlesTest {

    private static final Path DIR = Path.of("src/main/resources/com/paylink/mail");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    @Test
    void everyKeyOfTheBaseFileIsInEveryLanguagesFile_withTheSameArguments_andNothingElse() throws IOException {
        Properties base = base();
        Map<String, Properties> languages = languageFiles();
        assertThat(languages).as("at least Spanish").containsKey("es");
        for (Map.Entry<String, Properties> language : languages.entrySet()) {
            Properties file = language.getValue();
            assertThat(file.stringPropertyNames()).as("emails_%s.properties has every key of emails.properties", language.getKey())
                    .containsAll(base.stringPropertyNames());
            assertThat(base.stringPropertyNames()).as("emails_%s.properties has no key the base lacks", language.getKey())
                    .containsAll(file.stringPropertyNames());
            for (String key : base.stringPropertyNames()) {
                String value = file.getProperty(key);
                assertThat(value).as("%s in %s", key, language.getKey()).isNotBlank();
                if (!key.startsWith("format.")) {
                    assertThat(arguments(value)).as("%s in %s uses the base's arguments", key, language.getKey())
                            .isEqualTo(arguments(base.getProperty(key)));
                }
            }
        }
    }

    @Test
    void everyValueIsAValidPattern_inEveryFile() throws IOException {
        Map<String, Properties> all = new TreeMap<>(languageFiles());
        all.put("en", base());
        for (Map.Entry<String, Properties> file : all.entrySet()) {
            Locale locale = Locale.forLanguageTag(file.getKey());
            for (String key : file.getValue().stringPropertyNames()) {
                String value = file.getValue().getProperty(key);
                if (key.startsWith("format.")) {
                    DateTimeFormatter.ofPattern(value, locale); // throws on a broken pattern
                } else {
                    assertThat(value.replace("''", "")).as("%s in %s: a literal apostrophe is written twice", key, file.getKey())
                            .doesNotContain("'");
                    new MessageFormat(value, locale); // throws on a broken pattern
                }
            }
        }
    }

    @Test
    void theOfferedLanguagesAreEnglishAndExactlyTheLanguagesWithAFile() throws IOException {
        Set<String> offered = Languages.offered().stream().map(Locale::toLanguageTag).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(languageFiles().keySet());
        expected.add("en");
        assertThat(offered).isEqualTo(expected);
        assertThat(Languages.offered().get(0)).as("English first").isEqualTo(Locale.ENGLISH);
    }

    /** emails.properties: the English texts and every key. */
    static Properties base() throws IOException {
        return load(DIR.resolve("emails.properties"));
    }

    /** emails_<language>.properties by language. */
    static Map<String, Properties> languageFiles() throws IOException {
        Map<String, Properties> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(DIR)) {
            for (Path path : list.toList()) {
                Matcher name = Pattern.compile("emails_([a-z]{2,3})\\.properties").matcher(path.getFileName().toString());
                if (name.matches()) {
                    files.put(name.group(1), load(path));
                }
            }
        }
        return files;
    }

    private static Properties load(Path path) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> arguments(String value) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(value);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}

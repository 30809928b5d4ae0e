package dev.promesa.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The README's configuration table is checked against {@link ConfigReference}: every key of the reference is in it,
 * every {@code promesa.*} key it names exists, and a documented default is the reference's. A row may name several
 * keys ({@code `promesa.rate-limit.requests-per-second` / `.burst`}: the last segment replaced) or a whole group
 * ({@code `promesa.delivery.*`}, described in docs/).
 */
class ConfigReferenceReadmeTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern KEY = Pattern.compile("`([^`]+)`");

    /** Documented key (or group prefix ending in .*) → the default cell of its row. */
    private static Map<String, String> documented() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf("## Configuration");
        assertThat(start).as("README has a ## Configuration section").isGreaterThanOrEqualTo(0);
        Map<String, String> keys = new TreeMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("| `promesa.")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String first = null;
            Matcher keyMatcher = KEY.matcher(cells[1]);
            while (keyMatcher.find()) {
                String key = keyMatcher.group(1);
                if (first == null) {
                    first = key;
                } else if (key.startsWith(".")) {
                    key = first.substring(0, first.lastIndexOf('.')) + key;
                } else {
                    continue;
                }
                keys.put(key, cells[3]);
            }
        }
        return keys;
    }

    @Test
    void everyKeyOfTheReferenceIsInTheReadmeTable() throws IOException {
        Map<String, String> documented = documented();
        List<String> missing = new ArrayList<>();
        for (ConfigReference.Setting setting : ConfigReference.settings()) {
            boolean covered = documented.containsKey(setting.name()) || documented.keySet().stream()
                    .anyMatch(key -> key.endsWith(".*") && setting.name().startsWith(key.substring(0,
                            key.length() - 1)));
            if (!covered) {
                missing.add(setting.name());
            }
        }
        assertThat(missing).as("keys of module config missing from README.md's configuration table").isEmpty();
    }

    @Test
    void everyDocumentedKeyExistsWithTheDefaultTheReadmeGives() throws IOException {
        List<String> problems = new ArrayList<>();
        documented().forEach((key, defaultCell) -> {
            if (key.endsWith(".*")) {
                String prefix = key.substring(0, key.length() - 1);
                if (ConfigReference.settings().stream().noneMatch(s -> s.name().startsWith(prefix))) {
                    problems.add(key + " names no key of the reference");
                }
                return;
            }
            ConfigReference.settings().stream().filter(s -> s.name().equals(key)).findFirst().ifPresentOrElse(
                    setting -> setting.defaultValue().ifPresent(value -> {
                        if (!defaultCell.contains("`" + value + "`")) {
                            problems.add(key + ": README says " + defaultCell.trim() + ", the reference `" + value
                                    + "`");
                        }
                    }), () -> problems.add(key + " is not a key of the reference (module config)"));
        });
        assertThat(problems).isEmpty();
    }
}

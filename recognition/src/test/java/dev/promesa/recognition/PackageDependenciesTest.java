package dev.promesa.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The module's packages depend one way only: promise → time → text, and nothing on Quarkus. */
class PackageDependenciesTest {

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "text", Set.of(),
            "time", Set.of("text"),
            "promise", Set.of("text", "time"));
    private static final Pattern IMPORT = Pattern
            .compile("(?m)^import (?:static )?dev\\.promesa\\.recognition\\.(\\w+)");
    private static final Pattern FOREIGN = Pattern.compile("(?m)^import (?:static )?(io\\.quarkus|jakarta|javax)\\.");

    @Test
    void packagesImportOnlyTheLayersBelowThem() throws IOException {
        Path root = Path.of("src/main/java/dev/promesa/recognition");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            String pkg = root.relativize(source).getName(0).toString();
            String code = Files.readString(source);
            Matcher imports = IMPORT.matcher(code);
            while (imports.find()) {
                String target = imports.group(1);
                if (!target.equals(pkg)) {
                    assertThat(ALLOWED.get(pkg)).as("%s imports recognition.%s", source, target).contains(target);
                }
            }
            assertThat(FOREIGN.matcher(code).find()).as("%s imports a framework", source).isFalse();
        }
    }
}

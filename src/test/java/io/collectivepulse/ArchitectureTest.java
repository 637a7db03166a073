package io.collectivepulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shape we keep: platform SDKs only in their adapters, SQL only in DAOs. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/io/collectivepulse");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static boolean imports(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("import " + prefix));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String packageOf(Path file) {
        return MAIN.relativize(file.getParent()).toString();
    }

    @Test
    void onlyTheSlackAdapterImportsSlackAndOnlyTheTeamsAdapterImportsTheBotFramework() throws IOException {
        assertThat(sources()).isNotEmpty().allSatisfy(file -> {
            if (!packageOf(file).startsWith("slack")) {
                assertThat(imports(file, "com.slack")).as(file + " imports com.slack").isFalse();
            }
            if (!packageOf(file).startsWith("teams")) {
                assertThat(imports(file, "com.microsoft.bot")).as(file + " imports com.microsoft.bot").isFalse();
            }
        });
    }

    @Test
    void featuresDoNotKnowHttpAndOnlyDaosKnowJdbi() throws IOException {
        List<String> features = List.of("chat", "command", "community", "signal", "i18n");
        assertThat(sources()).allSatisfy(file -> {
            if (features.contains(packageOf(file))) {
                assertThat(imports(file, "io.javalin")).as(file + " imports io.javalin").isFalse();
                if (!file.getFileName().toString().endsWith("Dao.java")) {
                    assertThat(imports(file, "org.jdbi")).as(file + " imports org.jdbi").isFalse();
                }
            }
        });
    }
}

package io.collectivepulse.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.router.CommandEntry;
import io.collectivepulse.router.Router;
import io.collectivepulse.support.PulseService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The commands the Slack and Teams manifests announce are the ones the running service registered, and the
 * other way round: a command added to a feature and not to the manifests (or the reverse) fails here.
 */
class ManifestCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MANIFESTS = Path.of("manifests");
    /** Teams shows at most ten commands per command list. */
    private static final int TEAMS_MENU_LIMIT = 10;

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().build();

    private static Router router() {
        return pulse.service().app().router();
    }

    private static JsonNode read(String... path) throws IOException {
        return JSON.readTree(MANIFESTS.resolve(Path.of("", path)).toFile());
    }

    @Test
    void theSlackSlashCommandsAreTheRegisteredRoots() throws IOException {
        List<String> slashCommands = new ArrayList<>();
        read("slack", "manifest.json").at("/features/slash_commands")
                .forEach(command -> slashCommands.add(command.path("command").asText()));

        assertThat(slashCommands).containsExactlyInAnyOrderElementsOf(
                router().roots().stream().map(root -> "/" + root).toList());
    }

    @Test
    void eachSlashCommandsUsageHintNamesEveryRegisteredSubCommandAndNoOther() throws IOException {
        for (JsonNode command : read("slack", "manifest.json").at("/features/slash_commands")) {
            String root = command.path("command").asText().substring(1);
            List<String> registered = router().commands().stream()
                    .filter(c -> c.root().equals(root) && c.words() != null)
                    .map(c -> c.words().in(Locale.FRENCH)).toList();

            assertThat(literalAlternatives(command.path("usage_hint").asText())).as("usage hint of /" + root)
                    .containsExactlyInAnyOrderElementsOf(registered);
        }
    }

    @Test
    void theTeamsCommandMenuIsWhatFeaturesMarkedForItInBothLanguages() throws IOException {
        List<CommandEntry> menu = router().commands().stream().filter(c -> c.has(CommandEntry.Flag.TEAMS_MENU))
                .toList();
        List<String> titles = new ArrayList<>();
        read("teams", "manifest.json").at("/bots/0/commandLists/0/commands")
                .forEach(command -> titles.add(command.path("title").asText()));
        Map<String, String> english = menu.stream().collect(Collectors.toMap(
                c -> c.typed(Platform.TEAMS, Locale.FRENCH), c -> c.typed(Platform.TEAMS, Locale.ENGLISH)));
        JsonNode translations = read("teams", "en-us.json");

        assertThat(menu).hasSizeLessThanOrEqualTo(TEAMS_MENU_LIMIT);
        assertThat(titles).containsExactlyInAnyOrderElementsOf(english.keySet());
        for (int i = 0; i < titles.size(); i++) {
            assertThat(translations.path("bots[0].commandLists[0].commands[" + i + "].title").asText())
                    .as("English title of " + titles.get(i)).isEqualTo(english.get(titles.get(i)));
        }
    }

    /**
     * "[lier &lt;nom&gt; | inviter | ordre-du-jour &lt;n°&gt; | aide]" gives lier, inviter, ordre-du-jour and aide;
     * placeholders are skipped.
     */
    private static List<String> literalAlternatives(String usageHint) {
        String hint = usageHint.startsWith("[") && usageHint.endsWith("]")
                ? usageHint.substring(1, usageHint.length() - 1) : usageHint;
        return Arrays.stream(hint.split("\\|"))
                .map(alternative -> alternative.trim().split("\\s+")[0])
                .filter(word -> word.matches("\\p{L}+(-\\p{L}+)*"))
                .toList();
    }
}

package io.collectivepulse.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the Slack and Microsoft Teams app manifests in {@code manifests/} against the official JSON schemas
 * (local copies under {@code src/test/resources/conformance}, nothing is fetched from the network) and against
 * what the service really serves: one Slack endpoint and the same command keywords on both platforms.
 */
class ManifestConformanceTest {
    private static final Path MANIFESTS = Path.of("manifests");
    private static final String SLACK_ENDPOINT = "/slack/events";

    private static final String SLACK_SCHEMA = "https://github.com/slackapi/manifest-schema/blob/main/manifest.schema.json";
    private static final String SLACK_SCHEMA_V1 =
            "https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.1.0.0.json";
    private static final String SLACK_SCHEMA_V2 =
            "https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.2.0.0.json";
    private static final String TEAMS_SCHEMA =
            "https://developer.microsoft.com/json-schemas/teams/v1.19/MicrosoftTeams.schema.json";
    private static final String TEAMS_LOCALIZATION_SCHEMA =
            "https://developer.microsoft.com/json-schemas/teams/v1.19/MicrosoftTeams.Localization.schema.json";

    private static final Map<String, String> LOCAL_COPIES = Map.of(
            SLACK_SCHEMA, "classpath:conformance/slack/manifest-schema/manifest.schema.json",
            SLACK_SCHEMA_V1, "classpath:conformance/slack/manifest-schema/manifest.schema.1.0.0.json",
            SLACK_SCHEMA_V2, "classpath:conformance/slack/manifest-schema/manifest.schema.2.0.0.json",
            TEAMS_SCHEMA, "classpath:conformance/teams-manifest/MicrosoftTeams.schema.v1.19.json",
            TEAMS_LOCALIZATION_SCHEMA, "classpath:conformance/teams-manifest/MicrosoftTeams.Localization.schema.v1.19.json");

    // Every schema declares its own draft ($schema); unmapped URIs fail instead of being downloaded.
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            registry -> registry.schemaLoader(loader -> loader
                    .fetchRemoteResources(false)
                    .schemaIdResolvers(ids -> ids.mappings(LOCAL_COPIES))));

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void slackManifestMatchesTheSlackSchema() throws IOException {
        assertThat(violations(SLACK_SCHEMA, read(slackManifestPath()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"test-manifest.v1.valid.json", "test-manifest.v2.valid.json"})
    void slackSchemaAcceptsUpstreamValidExamples(String name) throws IOException {
        assertThat(violations(SLACK_SCHEMA, resource("conformance/slack/manifest-schema/" + name))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "test-manifest.v1.invalid.json, /settings",
        "test-manifest.v2.invalid.json, /workflows/time_off_request/input_parameters"
    })
    void slackSchemaRejectsUpstreamInvalidExamplesWhereTheyAreWrong(String name, String wrongNode) throws IOException {
        String invalid = resource("conformance/slack/manifest-schema/" + name);

        assertThat(violations(SLACK_SCHEMA, invalid)).extracting(Violation::location).contains(wrongNode);
    }

    @Test
    void everySlackRequestUrlIsTheSingleSlackEndpoint() throws IOException {
        JsonNode manifest = slackManifest();
        List<String> urls = new ArrayList<>();
        manifest.at("/features/slash_commands").forEach(command -> urls.add(command.path("url").asText()));
        urls.add(manifest.at("/settings/event_subscriptions/request_url").asText());
        urls.add(manifest.at("/settings/interactivity/request_url").asText());

        assertThat(urls).hasSize(manifest.at("/features/slash_commands").size() + 2).allSatisfy(url -> assertThat(url).startsWith("https://").endsWith(SLACK_ENDPOINT));
    }

    @Test
    void teamsManifestMatchesTheSchemaItDeclares() throws IOException {
        JsonNode manifest = teamsManifest();

        assertThat(manifest.path("$schema").asText()).isEqualTo(TEAMS_SCHEMA);
        // The v1.19 schema is draft-04, which has no "const", so the validator cannot check manifestVersion.
        assertThat(manifest.path("manifestVersion").asText()).isEqualTo("1.19");
        assertThat(violations(TEAMS_SCHEMA, manifest.toString())).isEmpty();
    }

    @Test
    void teamsSchemaRejectsMoreThanTenCommands() throws IOException {
        ObjectNode manifest = (ObjectNode) teamsManifest();
        ArrayNode commands = (ArrayNode) manifest.at("/bots/0/commandLists/0/commands");
        while (commands.size() <= 10) {
            commands.addObject().put("title", "extra" + commands.size()).put("description", "padding");
        }

        assertThat(violations(TEAMS_SCHEMA, manifest.toString())).anySatisfy(v -> {
            assertThat(v.keyword()).isEqualTo("maxItems");
            assertThat(v.location()).isEqualTo("/bots/0/commandLists/0/commands");
        });
    }

    @Test
    void teamsLanguageFilesMatchTheLocalizationSchema() throws IOException {
        for (Path file : teamsLanguageFiles()) {
            assertThat(violations(TEAMS_LOCALIZATION_SCHEMA, read(file))).as(file.toString()).isEmpty();
        }
    }

    @Test
    void teamsLanguageFilesOnlyTranslateExistingStrings() throws IOException {
        JsonNode manifest = teamsManifest();
        for (Path file : teamsLanguageFiles()) {
            List<String> missing = fieldNames(JSON.readTree(file.toFile())).stream()
                    .filter(key -> !key.startsWith("$"))
                    .filter(key -> !manifest.at(pointer(key)).isTextual())
                    .toList();
            assertThat(missing).as("keys of %s without a manifest string", file).isEmpty();
        }
    }

    @Test
    void teamsIconsHaveTheRequiredSizesAndColours() throws IOException {
        JsonNode icons = teamsManifest().path("icons");
        BufferedImage color = image(icons.path("color").asText());
        BufferedImage outline = image(icons.path("outline").asText());

        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        assertThat(pixels(outline)).allSatisfy(argb -> assertThat(isWhiteOrTransparent(argb)).isTrue());
    }

    private record Violation(String keyword, String location, String message) {
    }

    private static List<Violation> violations(String schemaId, String json) {
        return SCHEMAS.getSchema(SchemaLocation.of(schemaId)).validate(json, InputFormat.JSON).stream()
                .map(error -> new Violation(error.getKeyword(), error.getInstanceLocation().toString(), error.toString()))
                .toList();
    }

    private static List<Path> teamsLanguageFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        teamsManifest().at("/localizationInfo/additionalLanguages")
                .forEach(language -> files.add(MANIFESTS.resolve("teams").resolve(language.path("file").asText())));
        assertThat(files).isNotEmpty();
        return files;
    }

    /** Turns a localization key such as bots[0].commandLists[0].commands[1].title into a JSON pointer. */
    private static String pointer(String localizationKey) {
        return "/" + localizationKey.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static BufferedImage image(String relativePath) throws IOException {
        BufferedImage image = ImageIO.read(MANIFESTS.resolve("teams").resolve(relativePath).toFile());
        assertThat(image).as(relativePath).isNotNull();
        return image;
    }

    private static Stream<Integer> pixels(BufferedImage image) {
        int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return Arrays.stream(argb).boxed();
    }

    private static boolean isWhiteOrTransparent(int argb) {
        return (argb >>> 24) == 0 || (argb & 0xFFFFFF) == 0xFFFFFF;
    }

    private static Path slackManifestPath() {
        return MANIFESTS.resolve("slack").resolve("manifest.json");
    }

    private static JsonNode slackManifest() throws IOException {
        return JSON.readTree(slackManifestPath().toFile());
    }

    private static JsonNode teamsManifest() throws IOException {
        return JSON.readTree(MANIFESTS.resolve("teams").resolve("manifest.json").toFile());
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    private static String resource(String name) throws IOException {
        try (var in = ManifestConformanceTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

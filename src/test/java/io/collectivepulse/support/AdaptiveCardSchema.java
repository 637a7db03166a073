package io.collectivepulse.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates every Adaptive Card attachment of an activity against the official Adaptive Card 1.5 schema
 * (local copy), after removing the Teams-only {@code msteams} property the schema does not know.
 */
public final class AdaptiveCardSchema {
    private static final String SCHEMA_URI = "http://adaptivecards.io/schemas/adaptive-card.json";
    private static final String SCHEMA_FILE = "/conformance/adaptive-cards/adaptive-card.schema.1.5.0.json";
    private static final Schema SCHEMA = load();

    private AdaptiveCardSchema() {
    }

    /**
     * The published file declares draft-06 but names itself with draft-04's {@code id}; the validator
     * wants draft-06's {@code $id}, so only that root key is renamed. Nothing is fetched from the network.
     */
    private static Schema load() {
        try (InputStream in = AdaptiveCardSchema.class.getResourceAsStream(SCHEMA_FILE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceFirst("\"id\": \"" + SCHEMA_URI, "\"\\$id\": \"" + SCHEMA_URI);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_6,
                            registry -> registry.schemaLoader(loader -> loader.fetchRemoteResources(false)))
                    .getSchema(SchemaLocation.of(SCHEMA_URI), text, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema errors of every Adaptive Card in the activity; empty when all are valid. */
    public static List<String> violations(JsonNode activity) {
        List<String> problems = new ArrayList<>();
        for (JsonNode attachment : activity.path("attachments")) {
            if (!attachment.path("contentType").asText().equals("application/vnd.microsoft.card.adaptive")) {
                continue;
            }
            ObjectNode card = attachment.path("content").deepCopy();
            card.remove("msteams");
            SCHEMA.validate(card.toString(), InputFormat.JSON).forEach(error -> problems.add(error.toString()));
        }
        return problems;
    }
}

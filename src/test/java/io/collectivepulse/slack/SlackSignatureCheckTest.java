package io.collectivepulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Slack's documented signing example, replayed with the clock pinned to its timestamp. */
class SlackSignatureCheckTest {

    private static JsonNode vector() throws IOException {
        try (InputStream in = SlackSignatureCheckTest.class.getResourceAsStream(
                "/conformance/slack/request-signing/slack-signature.docs-vector.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static SlackSignatureCheck at(JsonNode vector, long offsetSeconds) {
        Instant signedAt = Instant.ofEpochSecond(vector.path("timestamp").asLong());
        return new SlackSignatureCheck(vector.path("signing_secret").asText(),
                Clock.fixed(signedAt.plusSeconds(offsetSeconds), ZoneOffset.UTC));
    }

    @Test
    void acceptsSlacksDocumentedExample() throws IOException {
        JsonNode v = vector();
        assertThat(at(v, 0).isValid(v.path("timestamp").asText(), v.path("expected_signature").asText(),
                v.path("body").asText())).isTrue();
        assertThat(at(v, 299).isValid(v.path("timestamp").asText(), v.path("expected_signature").asText(),
                v.path("body").asText())).isTrue();
    }

    @Test
    void refusesStaleTamperedOrMissingParts() throws IOException {
        JsonNode v = vector();
        String ts = v.path("timestamp").asText();
        String sig = v.path("expected_signature").asText();
        String body = v.path("body").asText();
        assertThat(at(v, 301).isValid(ts, sig, body)).isFalse();
        assertThat(at(v, -301).isValid(ts, sig, body)).isFalse();
        assertThat(at(v, 0).isValid(ts, sig, body + "&x=1")).isFalse();
        assertThat(at(v, 0).isValid(ts, sig.replace('a', 'b'), body)).isFalse();
        assertThat(at(v, 0).isValid(null, sig, body)).isFalse();
        assertThat(at(v, 0).isValid(ts, null, body)).isFalse();
        assertThat(at(v, 0).isValid("not-a-number", sig, body)).isFalse();
    }
}

package io.collectivepulse.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.RunningService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the service does at start with the stored bot tokens: a token stored in plain text (before encryption
 * existed) is encrypted, and a PULSE_ENCRYPTION_KEY that does not decrypt the stored tokens stops the start with
 * one line. Each start here follows the previous one's stop: two services in one JVM would share one Quartz
 * scheduler, which the first to stop would stop for both.
 */
class SlackTokenKeyTest {
    /** Another valid key: 32 bytes in base64, not the one the tokens were encrypted with. */
    private static final String OTHER_KEY = "HxwdHhscGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=";
    private static final Map<String, String> OAUTH = Map.of("SLACK_SIGNING_SECRET", "key-test-signing-secret-0123",
            "SLACK_CLIENT_ID", Installs.CLIENT_ID, "SLACK_CLIENT_SECRET", Installs.CLIENT_SECRET,
            // Nothing is sent to Slack here: no workspace has anything to receive.
            "SLACK_API_URL", "http://127.0.0.1:9/api/", "PULSE_ENCRYPTION_KEY", PulseService.ENCRYPTION_KEY);

    private static List<String> stored(RunningService service) {
        return service.jdbi().withHandle(h -> h.createQuery("SELECT bot_token FROM slack_installation ORDER BY team_id")
                .mapTo(String.class).list());
    }

    @Test
    void aPlainTextTokenIsEncryptedAtStartAndAWrongKeyStopsTheStart() {
        RunningService before = RunningService.start(OAUTH);
        // As rows were stored before encryption existed.
        before.jdbi().useHandle(h -> h.execute("""
                INSERT INTO slack_installation (team_id, bot_user_id, bot_token, installed_at)
                VALUES ('T0OLD', 'U0BOTOLD', 'xoxb-old-plain', now()), ('T0OLDER', 'U0BOTOLDER', 'xoxb-older', now())
                """));
        before.close();

        RunningService after = before.replica();
        List<String> tokens;
        try {
            tokens = stored(after);
        } finally {
            after.close();
        }
        assertThat(tokens).hasSize(2).allSatisfy(token -> assertThat(token).startsWith("v1:").doesNotContain("xoxb"));
        var cipher = new TokenCipher(PulseService.ENCRYPTION_KEY);
        assertThat(tokens).map(cipher::decrypt).containsExactly("xoxb-old-plain", "xoxb-older");

        assertThatThrownBy(() -> after.replica(Map.of("PULSE_ENCRYPTION_KEY", OTHER_KEY)))
                .hasMessageStartingWith("PULSE_ENCRYPTION_KEY does not decrypt the stored Slack bot tokens")
                .hasMessageNotContaining("xoxb").hasNoCause();
    }
}

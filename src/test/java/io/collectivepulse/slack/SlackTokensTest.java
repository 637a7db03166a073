package io.collectivepulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The workspaces' bot tokens: encrypted in the database, never readable there in plain text, and deleted as soon as
 * Slack says that a workspace removed the app or revoked its token. What happens at start is in
 * {@link SlackTokenKeyTest}.
 */
class SlackTokensTest {
    private static final String SECRET = "tokens-signing-secret-0123456789";

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackApp(SECRET, Installs.CLIENT_ID,
            Installs.CLIENT_SECRET).env("BASE_URL", "https://pulse.example.org").build();

    private static long rows(String team) {
        return pulse.count("SELECT count(*) FROM slack_installation WHERE team_id = ?", team);
    }

    private static List<String> storedRows() {
        return pulse.service().jdbi().withHandle(h -> h.createQuery(
                "SELECT row_to_json(i)::text FROM slack_installation i").mapTo(String.class).list());
    }

    private static long communities() {
        return pulse.service().count("community");
    }

    @Test
    void noBotTokenIsReadableInTheDatabaseYetEachIsUsed() throws Exception {
        Installs.install(pulse, "T0SECRET", "xoxb-secret-token");
        assertThat(rows("T0SECRET")).isEqualTo(1);
        assertThat(storedRows()).isNotEmpty().allSatisfy(row -> assertThat(row).doesNotContain("xoxb-"));
        List<String> tokens = pulse.service().jdbi().withHandle(h -> h.createQuery(
                "SELECT bot_token FROM slack_installation").mapTo(String.class).list());
        assertThat(tokens).allSatisfy(token -> assertThat(token).startsWith("v1:"));

        var anne = pulse.slack().as("T0SECRET", "C0SECRET", "U0ANNE", "anne");
        assertThat(SlackClient.text(anne.command("/pulse", "lier Secrets"))).contains("Secrets");
        anne.command("/signal", "Un signal discret");
        assertThat(pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && "C0SECRET".equals(c.params().get("channel")), Duration.ofSeconds(10)).authorization())
                .isEqualTo("Bearer xoxb-secret-token");
    }

    @Test
    void aWorkspaceThatRemovesTheAppKeepsNoTokenAndIsNoLongerServed() throws Exception {
        Installs.install(pulse, "T0LEAVING", "xoxb-leaving");
        assertThat(rows("T0LEAVING")).isEqualTo(1);

        var gone = Installs.event(pulse, SECRET, "T0LEAVING", "{\"type\":\"app_uninstalled\",\"event_ts\":\"1.2\"}");
        assertThat(gone.statusCode()).isEqualTo(200);
        assertThat(rows("T0LEAVING")).isZero();

        long before = communities();
        var response = pulse.slack().as("T0LEAVING", "C0LEAVING", "U0X", "x").send("/pulse", "lier Partis");
        assertThat(response.statusCode()).isLessThan(500);
        assertThat(response.body()).doesNotContain("Partis");
        assertThat(communities()).isEqualTo(before);
    }

    @Test
    void aRevokedBotTokenIsDeletedARevokedUserTokenChangesNothing() throws Exception {
        Installs.install(pulse, "T0REVOKED", "xoxb-revoked");
        Installs.event(pulse, SECRET, "T0REVOKED",
                "{\"type\":\"tokens_revoked\",\"tokens\":{\"oauth\":[\"U0SOMEONE\"]},\"event_ts\":\"1.2\"}");
        assertThat(rows("T0REVOKED")).isEqualTo(1);

        var revoked = Installs.event(pulse, SECRET, "T0REVOKED",
                "{\"type\":\"tokens_revoked\",\"tokens\":{\"bot\":[\"U0BOTT0REVOKED\"]},\"event_ts\":\"1.3\"}");
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(rows("T0REVOKED")).isZero();
        long before = communities();
        pulse.slack().as("T0REVOKED", "C0REVOKED", "U0X", "x").send("/pulse", "lier Revoques");
        assertThat(communities()).isEqualTo(before);
    }
}

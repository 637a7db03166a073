package io.collectivepulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A command used in a private channel the bot was not invited to: Slack refuses the bot's posts there
 * ({@code not_in_channel}) and its ephemeral messages too, so what the member should read goes through the
 * command's {@code response_url} (here on the fake Slack API, which records it): the notice meant for them, and
 * once that what the bot posts there cannot be shown until it is invited.
 */
class SlackNotInChannelTest {
    private static final String SECRET = "not-in-channel-signing-secret-0123";
    private static final String TOKEN = "xoxb-not-in-channel-token";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_SHOWN = "Je n'ai pas pu publier dans ce canal";

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).build();

    /** A member whose commands in {@code channel} carry a response_url of their own on the fake Slack API. */
    private static SlackClient member(String channel, String user, String responseUrl) {
        return pulse.member(channel, user).withResponseUrl(pulse.slackApi().url() + responseUrl);
    }

    /** Waits for a message through the response_url that says {@code text}. */
    private static FakeSlackApi.Call through(String responseUrl, String text) {
        return Awaits.until(() -> pulse.slackApi().calls(responseUrl).stream()
                        .filter(c -> c.body().contains(text)).findFirst(), WAIT,
                () -> "nothing saying " + text + " through " + responseUrl + ": "
                        + pulse.slackApi().calls(responseUrl).stream().map(FakeSlackApi.Call::body).toList());
    }

    private static List<JsonNode> through(String responseUrl) {
        return pulse.slackApi().calls(responseUrl).stream().map(call -> {
            try {
                return JSON.readTree(call.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    @Test
    void aPrivateNoticeTheBotCannotPostEphemerallyGoesThroughTheCommandsResponseUrl() {
        var anne = member("G0PRIVATENOTICE", "U0ANNE", "respond.notice");
        anne.command("/pulse", "lier Canal privé");
        pulse.slackApi().refuse("G0PRIVATENOTICE", "not_in_channel");
        // The modal cannot open (an expired trigger): the member is to be told privately how to post in one line.
        pulse.slackApi().refuseNextView("expired_trigger_id");
        assertThat(SlackClient.text(anne.command("/signal", ""))).isEmpty();

        FakeSlackApi.Call told = through("respond.notice", "/signal");
        JsonNode message = through("respond.notice").stream()
                .filter(m -> m.path("text").asText().contains("/signal")).findFirst().orElseThrow();
        assertThat(message.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(message.path("replace_original").asBoolean(true)).isFalse();
        assertThat(message.path("blocks").isArray()).isTrue();
        assertThat(told.body()).contains("/signal");
        // chat.postEphemeral was tried first, and refused as Slack refuses it where the bot is not.
        assertThat(pulse.slackApi().calls("chat.postEphemeral"))
                .anySatisfy(c -> assertThat(c.params().get("channel")).isEqualTo("G0PRIVATENOTICE"));
        // Recorded once the answer came back, a moment after the fake saw the message.
        Awaits.until(() -> java.util.Optional.of(pulse.count(
                        "SELECT count(*) FROM outbox WHERE channel_id = ? AND op = 'notify' AND state = 'sent'",
                        "G0PRIVATENOTICE")).filter(n -> n == 1), WAIT, () -> "the notice recorded as sent");
    }

    @Test
    void aSignalTheBotCannotShowInThePrivateChannelIsSaidOnceThroughTheResponseUrl() {
        var bob = member("G0PRIVATESIGNAL", "U0BOB", "respond.signal");
        bob.command("/pulse", "lier Signaux privés");
        pulse.slackApi().refuse("G0PRIVATESIGNAL", "not_in_channel");

        assertThat(SlackClient.text(bob.command("/signal", "Un signal dans un canal privé"))).isEmpty();
        System.err.println("DEBUG urls " + pulse.service().jdbi().withHandle(h -> h.createQuery(
                "SELECT workspace_id || ' ' || channel_id || ' ' || user_id || ' ' || url || ' ' || received_at || ' ' || coalesce(told_at::text, '-') FROM slack_response_url").mapTo(String.class).list()));
        pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && "G0PRIVATESIGNAL".equals(c.params().get("channel")), WAIT);
        FakeSlackApi.Call told = through("respond.signal", NOT_SHOWN);
        assertThat(told.body()).contains("/invite @Collective Pulse");
        assertThat(pulse.count("SELECT count(*) FROM signal WHERE body = ?", "Un signal dans un canal privé"))
                .isEqualTo(1);

        // The next command is told through its own response_url; the first one's is not used again.
        assertThat(SlackClient.text(bob.withResponseUrl(pulse.slackApi().url() + "respond.other")
                .command("/signal", "Un deuxième signal"))).isEmpty();
        through("respond.other", NOT_SHOWN);
        assertThat(through("respond.signal").stream().filter(m -> m.path("text").asText().contains(NOT_SHOWN)))
                .hasSize(1);
    }
}

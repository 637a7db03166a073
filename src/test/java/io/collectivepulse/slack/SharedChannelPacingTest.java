package io.collectivepulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Slack channel shared by two organisations (Slack Connect) has one id and one rate limit, whichever workspace
 * its messages are sent for: two communities posting there at once are paced together, and Slack refuses nothing.
 */
class SharedChannelPacingTest {
    private static final String SECRET = "shared-pacing-secret-0123456789";
    private static final String CHANNEL = "C0SHAREDPACE";

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, "xoxb-shared").build();

    @Test
    void twoWorkspacesPostingInOneSharedChannelStayWithinItsLimit() {
        SlackClient here = pulse.slack().as(FakeSlackApi.TEAM_ID, CHANNEL, "U0ICI", "ici");
        SlackClient there = pulse.slack().as("T0AILLEURS", CHANNEL, "U0LABAS", "labas");
        here.command("/pulse", "lier Ici");
        there.command("/pulse", "lier Là-bas");
        for (int i = 0; i < 15; i++) {
            here.command("/signal", "Signal d'ici " + i);
            there.command("/signal", "Signal de là-bas " + i);
        }
        Awaits.until(() -> pulse.slackApi().calls("chat.postMessage").stream()
                        .filter(call -> call.params().getOrDefault("text", "").startsWith("Signal faible")).count() >= 30
                        ? Optional.of(true) : Optional.<Boolean>empty(),
                Duration.ofSeconds(30), () -> "not every card came");
        assertThat(pulse.slackApi().refusedUnexpectedly()).as("calls over the channel's limit").isEmpty();
    }
}

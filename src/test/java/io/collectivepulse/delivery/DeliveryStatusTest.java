package io.collectivepulse.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Slack channel the bot is not in and a Teams conversation that refuses it (403): their messages are tried once,
 * not again, and {@code /pulse etat} tells facilitators which channel refuses what, and what to do.
 */
class DeliveryStatusTest {
    private static final String SECRET = "status-signing-secret-0123456789";
    private static final String TOKEN = "xoxb-status-token";
    private static final String CONVERSATION = "19:refusing@thread.tacv2";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams().build();


    private static int outbox(String state, String channel) {
        return pulse.service().jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM outbox WHERE state = :state AND channel_id = :channel")
                .bind("state", state).bind("channel", channel).mapTo(Integer.class).one());
    }

    @Test
    void refusalsAreNotRetriedAndTheStatusSaysWhatToDo() {
        SlackClient anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0GONE", "U0ANNE", "anne");
        anne.command("/pulse", "lier Refus");
        pulse.linkTeams(anne, CONVERSATION);

        pulse.slackApi().refuse("C0GONE", "not_in_channel");
        pulse.connector().refuse(CONVERSATION, "BotNotInConversationRoster");
        anne.command("/signal", "Personne ne verra ce signal");
        pulse.teams().post(pulse.teamsMessage(CONVERSATION, "signal Ni celui-ci"));
        Awaits.until(() -> Optional.of(outbox("failed", "C0GONE") + outbox("failed", CONVERSATION))
                .filter(failed -> failed == 2), WAIT, () -> "the two cards were not recorded as refused");

        assertThat(pulse.slackApi().calls("chat.postMessage")).as("tried once").hasSize(1);
        assertThat(outbox("pending", "C0GONE") + outbox("pending", CONVERSATION)).isZero();

        String status = SlackClient.text(anne.command("/pulse", "etat"));
        assertThat(status).contains("État des envois — Refus", "Slack · canal C0GONE", "not_in_channel",
                "Invitez l'application dans le canal", "Teams · conversation " + CONVERSATION,
                "403 BotNotInConversationRoster", "Ajoutez de nouveau l'application");

        var bob = anne.as(FakeSlackApi.TEAM_ID, "C0GONE", "U0BOB", "bob");
        assertThat(SlackClient.text(bob.command("/pulse", "status"))).contains("peut faire cela")
                .doesNotContain("not_in_channel");
    }
}

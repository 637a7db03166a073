package io.collectivepulse.poll;

import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What the fakes last received of a poll's card, per Slack channel or Teams conversation, as members see it. */
final class PollCardsOnScreen {
    static final Duration WAIT = Duration.ofSeconds(15);

    private final PulseService pulse;

    PollCardsOnScreen(PulseService pulse) {
        this.pulse = pulse;
    }

    /** The text of the last post or update of the poll card n° {@code number} in the Slack channel. */
    Optional<String> slack(String channel, String title) {
        return slackCalls(channel, title).stream().max(Comparator.comparingLong(FakeSlackApi.Call::arrivedNanos))
                .map(call -> SlackClient.text(call.message()));
    }

    List<FakeSlackApi.Call> slackCalls(String channel, String title) {
        return Stream.concat(pulse.slackApi().accepted("chat.postMessage").stream(),
                        pulse.slackApi().accepted("chat.update").stream())
                .filter(c -> channel.equals(c.params().get("channel")))
                .filter(c -> SlackClient.text(c.message()).contains(title)).toList();
    }

    /** The text of the last card with {@code title} sent to the Teams conversation. */
    Optional<String> teams(String conversation, String title) {
        return pulse.connector().all().stream()
                .filter(s -> s.conversationId().startsWith(conversation) && s.cardText().contains(title))
                .max(Comparator.comparingLong(FakeBotConnector.Sent::arrivedNanos))
                .map(FakeBotConnector.Sent::cardText);
    }

    /** Waits until the last Slack card titled {@code title} in the channel contains every {@code text}. */
    String awaitSlack(String channel, String title, String... texts) {
        return Awaits.until(() -> slack(channel, title).filter(t -> containsAll(t, texts)), WAIT,
                () -> "Slack card in " + channel + ": " + slack(channel, title).orElse("none"));
    }

    String awaitTeams(String conversation, String title, String... texts) {
        return Awaits.until(() -> teams(conversation, title).filter(t -> containsAll(t, texts)), WAIT,
                () -> "Teams card in " + conversation + ": " + teams(conversation, title).orElse("none"));
    }

    /** The text of the ephemeral message the member got in the channel with {@code text}, waiting for it. */
    String ephemeral(String channel, String user, String text) {
        return SlackClient.text(pulse.slackApi().await(c -> c.method().equals("chat.postEphemeral")
                && channel.equals(c.params().get("channel")) && user.equals(c.params().get("user"))
                && SlackClient.text(c.message()).contains(text), WAIT).message());
    }

    private static boolean containsAll(String text, String... parts) {
        for (String part : parts) {
            if (!text.contains(part)) {
                return false;
            }
        }
        return true;
    }
}

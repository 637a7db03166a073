package io.collectivepulse.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.digest.DigestService;
import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Outage;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slack answers 429 with Retry-After 3 for 10 s, then 500 for 10 s; the Bot Connector 429 then 502 the same way.
 * What members posted meanwhile, and the week's digest, reach both platforms afterwards, each exactly once, and
 * nothing is sent to a method of a workspace (a Teams conversation) while a Retry-After for it still runs.
 */
class OutboxStormTest {
    private static final String SECRET = "storm-signing-secret-0123456789";
    private static final String TOKEN = "xoxb-storm-token";
    private static final String CONVERSATION = "19:storm@thread.tacv2";
    private static final int SIGNALS = 10;

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams().build();


    @Test
    void whatWasPostedDuringTheStormArrivesOnceAfterwards() {
        SlackClient anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0STORM", "U0ANNE", "anne");
        anne.command("/pulse", "lier Tempête");
        pulse.linkTeams(anne, CONVERSATION);

        pulse.slackApi().outage(Outage.Phase.tooManyRequests(Duration.ofSeconds(10), 3),
                Outage.Phase.failing(Duration.ofSeconds(10), 500));
        pulse.connector().outage(Outage.Phase.tooManyRequests(Duration.ofSeconds(10), 3),
                Outage.Phase.failing(Duration.ofSeconds(10), 502));
        for (int i = 0; i < SIGNALS; i++) {
            assertThat(anne.send("/signal", "Signal sous la pluie n°" + i).body()).as("acknowledged at once").isEmpty();
            assertThat(pulse.teams().post(pulse.teamsMessage(CONVERSATION, "signal Orage n°" + i)).statusCode()).isEqualTo(200);
        }
        long community = pulse.service().jdbi().withHandle(h -> h.createQuery(
                "SELECT community_id FROM channel_link WHERE channel_id = 'C0STORM'").mapTo(Long.class).one());
        pulse.service().app().scheduler().fireNow(DigestService.KIND, community);

        Duration wait = Duration.ofSeconds(90);
        Map<String, Long> slackCards = Awaits.until(() -> Optional.of(count(pulse.slackApi()
                        .accepted("chat.postMessage"), call -> SlackClient.text(call.message())))
                .filter(counts -> counts.keySet().containsAll(expected("Signal sous la pluie n°"))
                        && counts.containsKey("Synthèse de la semaine")), wait, () -> "Slack got "
                + count(pulse.slackApi().accepted("chat.postMessage"), call -> SlackClient.text(call.message())));
        Map<String, Long> teamsCards = Awaits.until(() -> Optional.of(count(pulse.connector().all(),
                        sent -> sent.cardText()))
                .filter(counts -> counts.keySet().containsAll(expected("Orage n°"))
                        && counts.containsKey("Synthèse de la semaine")), wait, () -> "Teams got "
                + count(pulse.connector().all(), sent -> sent.cardText()));

        assertThat(slackCards).allSatisfy((text, times) -> assertThat(times).as(text).isEqualTo(1));
        assertThat(teamsCards).allSatisfy((text, times) -> assertThat(times).as(text).isEqualTo(1));
        assertThat(pulse.slackApi().callsInsideRetryAfter()).isEmpty();
        assertThat(pulse.connector().callsInsideRetryAfter()).isEmpty();
    }

    /** What each expected card says, by its distinctive words. */
    private static List<String> expected(String prefix) {
        return java.util.stream.IntStream.range(0, SIGNALS).mapToObj(i -> prefix + i).toList();
    }

    /** How many accepted messages are each card: the digest, or the card of one signal. */
    private static <T> Map<String, Long> count(List<T> messages, Function<T, String> text) {
        List<String> signals = new java.util.ArrayList<>(expected("Signal sous la pluie n°"));
        signals.addAll(expected("Orage n°"));
        return messages.stream().map(text)
                .flatMap(body -> body.contains("Synthèse de la semaine") ? java.util.stream.Stream.of(
                        "Synthèse de la semaine") : signals.stream().filter(body::contains))
                .collect(Collectors.groupingBy(w -> w, Collectors.counting()));
    }
}

package io.collectivepulse.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sixty cards due at once in one Slack channel and in one Teams conversation, with the fakes enforcing each
 * platform's published limits: not one 429, and all delivered within 1.1 × the least time those limits allow.
 */
class OutboxPacingTest {
    private static final String SECRET = "pacing-signing-secret-0123456789";
    private static final String TOKEN = "xoxb-pacing-token";
    private static final String CONVERSATION = "19:pacing@thread.tacv2";
    private static final int CARDS = 60;
    /** Slack, as the fake enforces it: bursts of 20, then one message a second per channel. */
    private static final double SLACK_MINIMUM_SECONDS = (CARDS - 20) / 1.0;
    /** Teams per conversation: {count, seconds}. */
    private static final int[][] TEAMS_WINDOWS = {{7, 1}, {8, 2}, {60, 30}};

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams().build();


    @Test
    void sixtyCardsGoOutAsFastAsEachPlatformAllowsAndNoFaster() throws Exception {
        SlackClient anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0PACE", "U0ANNE", "anne");
        anne.command("/pulse", "lier Cadence");
        FakeBotConnector.Sent joined = pulse.linkTeams(anne, CONVERSATION);

        ExecutorService members = Executors.newFixedThreadPool(8);
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (int i = 0; i < CARDS; i++) {
            String n = Integer.toString(i);
            acks.add(CompletableFuture.runAsync(() -> anne.send("/signal", "Cadence Slack " + n), members));
            acks.add(CompletableFuture.runAsync(() -> pulse.teams().post(pulse.teamsMessage(CONVERSATION, "signal Cadence Teams " + n)),
                    members));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
        members.shutdown();

        Duration wait = Duration.ofSeconds(90);
        List<FakeSlackApi.Call> slack = Awaits.until(() -> Optional.of(pulse.slackApi().accepted("chat.postMessage"))
                .filter(calls -> calls.size() >= CARDS), wait, () -> "Slack got "
                + pulse.slackApi().accepted("chat.postMessage").size());
        List<FakeBotConnector.Sent> teams = Awaits.until(() -> Optional.of(cards(pulse.connector().all()))
                .filter(cards -> cards.size() >= CARDS), wait, () -> "Teams got " + cards(pulse.connector().all()).size());

        assertThat(pulse.slackApi().refused()).as("Slack's 429s").isEmpty();
        assertThat(pulse.connector().rateLimited()).as("Teams' 429s").isEmpty();
        double slackSeconds = seconds(slack.get(0).arrivedNanos(), slack.get(CARDS - 1).arrivedNanos());
        assertThat(slackSeconds).as("Slack: 60 cards in one channel, least possible " + SLACK_MINIMUM_SECONDS + " s")
                .isLessThanOrEqualTo(1.1 * SLACK_MINIMUM_SECONDS);
        double teamsSeconds = seconds(teams.get(0).arrivedNanos(), teams.get(CARDS - 1).arrivedNanos());
        double teamsMinimum = teamsMinimum(joined.arrivedNanos(), teams.get(0).arrivedNanos());
        assertThat(teamsSeconds).as("Teams: 60 cards in one conversation, least possible " + teamsMinimum + " s")
                .isLessThanOrEqualTo(1.1 * teamsMinimum);
        System.out.printf("Pacing: Slack %.1f s (least %.1f s), Teams %.1f s (least %.1f s), no 429%n", slackSeconds,
                SLACK_MINIMUM_SECONDS, teamsSeconds, teamsMinimum);
    }

    private static List<FakeBotConnector.Sent> cards(List<FakeBotConnector.Sent> sent) {
        return sent.stream().filter(s -> s.cardText().contains("Cadence Teams")).toList();
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }

    /**
     * The least time Teams' windows allow between the first and the sixtieth card, the conversation having had the
     * join reply at {@code joinedNanos}: each card as early as the windows allow, the first when it came.
     */
    private static double teamsMinimum(long joinedNanos, long firstNanos) {
        List<Double> times = new ArrayList<>(List.of(0.0));
        double first = seconds(joinedNanos, firstNanos);
        for (int card = 0; card < CARDS; card++) {
            double t = Math.max(times.get(times.size() - 1), card == 0 ? first : 0);
            boolean moved = true;
            while (moved) {
                moved = false;
                for (int[] window : TEAMS_WINDOWS) {
                    double since = t - window[1] + 1e-9;
                    List<Double> inside = times.stream().filter(x -> x > since).toList();
                    if (inside.size() >= window[0]) {
                        double later = inside.get(inside.size() - window[0]) + window[1];
                        if (later > t) {
                            t = later;
                            moved = true;
                        }
                    }
                }
            }
            times.add(t);
        }
        return times.get(times.size() - 1) - first;
    }
}

package io.collectivepulse.community;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Guessing invitation codes over real HTTP (signed Slack commands) on a real database: 10 refused codes an hour in a
 * channel, 30 in a workspace, then a wait during which not even a right code links anything; one answer for every
 * refused code, except to the facilitator who issued it; tries sent at once do not overtake the limit. Each test guesses from a workspace of its own, since the
 * service, its clock and its counts are shared by the class.
 */
class InvitationGuessingTest {
    private static final String SECRET = "invitation-guessing-secret-0123456789";
    private static final String TOKEN = "xoxb-invitation-guessing";
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{4}-[A-Z0-9]{4}");
    private static final String REFUSED = "Ce code d'invitation n'est pas valable : il est inconnu, a déjà servi ou a "
            + "expiré (un code vaut 7 jours et ne lie qu'un seul canal). Demandez-en un nouveau à l'équipe "
            + "d'animation : /pulse inviter. Rien n'a été lié.";
    private static final String CHANNEL_WAIT = "Trop d'essais de codes d'invitation dans ce canal : réessayez dans ";
    private static final String WORKSPACE_WAIT =
            "Trop d'essais de codes d'invitation dans cet espace de travail Slack : réessayez dans ";

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).mutableClock().build();
    private static SlackClient anne;

    @BeforeAll
    static void community() {
        anne = pulse.member("C0GUESSHOME", "U0ANNE");
        assertThat(say(anne, "lier Devinettes")).contains("Devinettes");
    }

    private static String say(SlackClient who, String text) {
        return SlackClient.text(who.command("/pulse", text)).strip();
    }

    private static String invite() {
        Matcher code = CODE.matcher(say(anne, "inviter"));
        assertThat(code.find()).as("an invitation code").isTrue();
        return code.group();
    }

    private static SlackClient guesser(String workspace, String channel) {
        return pulse.slack().as(workspace, channel, "U0GUESSER", "devin");
    }

    /** Ten wrong codes, each refused with the one answer. */
    private static void tenWrongCodes(SlackClient who) {
        for (int i = 0; i < 10; i++) {
            assertThat(say(who, "lier " + String.format("ZZZZ-%04d", i))).isEqualTo(REFUSED);
        }
    }

    private static long links() {
        return pulse.count("SELECT count(*) FROM channel_link");
    }

    @Test
    void afterTenWrongCodesEvenARightOneWaitsUntilTheOldestLeavesTheHour() {
        SlackClient guesser = guesser("T0GUESSONE", "C0GUESS");
        String code = invite();
        tenWrongCodes(guesser);
        long links = links();

        assertThat(say(guesser, "lier " + code)).startsWith(CHANNEL_WAIT + "60 minutes.")
                .contains("Ce code n'a pas été vérifié et rien n'a été lié.");
        assertThat(links()).isEqualTo(links);
        assertThat(pulse.count("SELECT count(*) FROM invite WHERE used_at IS NOT NULL AND used_in LIKE ?",
                "%T0GUESSONE%")).isZero();

        pulse.clock().advance(Duration.ofMinutes(20));
        assertThat(say(guesser, "lier " + code)).startsWith(CHANNEL_WAIT + "40 minutes.");
        pulse.clock().advance(Duration.ofMinutes(39).plusSeconds(30));
        assertThat(say(guesser, "lier " + code)).startsWith(CHANNEL_WAIT + "1 minute.");

        pulse.clock().advance(Duration.ofSeconds(30));
        assertThat(say(guesser, "lier " + code)).contains("est maintenant lié à la communauté « Devinettes »");
        assertThat(links()).isEqualTo(links + 1);
    }

    @Test
    void eachChannelHasItsOwnTenTriesUntilTheWorkspaceHasHadThirty() {
        for (String channel : new String[] {"C0FIRST", "C0SECOND", "C0THIRD"}) {
            tenWrongCodes(guesser("T0GUESSTWO", channel));
        }
        assertThat(say(guesser("T0GUESSTWO", "C0FIRST"), "lier ZZZZ-AAAA")).startsWith(CHANNEL_WAIT + "60 minutes.");
        String code = invite();
        assertThat(say(guesser("T0GUESSTWO", "C0FOURTH"), "lier " + code)).startsWith(WORKSPACE_WAIT + "60 minutes.");
        assertThat(pulse.count("SELECT count(*) FROM channel_link WHERE workspace_id = 'T0GUESSTWO'")).isZero();

        assertThat(say(guesser("T0GUESSOTHER", "C0FIRST"), "lier ZZZZ-AAAA"))
                .as("another workspace has its own tries").isEqualTo(REFUSED);
        assertThat(pulse.count("SELECT count(*) FROM invite_failure WHERE workspace_id = 'T0GUESSTWO'"))
                .as("a try refused for too many tries does not count").isEqualTo(30);
    }

    @Test
    void twentyTriesAtOnceGetTenRefusalsAndTenWaits() throws Exception {
        SlackClient guesser = guesser("T0GUESSFIVE", "C0RACE");
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String code = String.format("RACE-%04d", i);
                answers.add(threads.submit(() -> say(guesser, "lier " + code)));
            }
            List<String> texts = new ArrayList<>();
            for (Future<String> answer : answers) {
                texts.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertThat(texts).filteredOn(REFUSED::equals).hasSize(10);
            assertThat(texts).filteredOn(text -> text.startsWith(CHANNEL_WAIT)).hasSize(10);
        } finally {
            threads.shutdownNow();
        }
        assertThat(pulse.count("SELECT count(*) FROM invite_failure WHERE workspace_id = 'T0GUESSFIVE'")).isEqualTo(10);
    }

    @Test
    void unknownUsedAndExpiredCodesGetTheSameAnswer() {
        SlackClient guesser = guesser("T0GUESSTHREE", "C0SAME");
        String used = invite();
        assertThat(say(guesser("T0GUESSTHREE", "C0USEDHERE"), "lier " + used)).contains("est maintenant lié");
        String expired = invite();
        pulse.clock().advance(Invite.VALIDITY.plusMinutes(1));

        String unknownAnswer = say(guesser, "lier ABCD-EFGH");
        String usedAnswer = say(guesser, "lier " + used);
        String expiredAnswer = say(guesser, "lier " + expired.toLowerCase());

        assertThat(unknownAnswer).isEqualTo(REFUSED).isEqualTo(usedAnswer).isEqualTo(expiredAnswer);
        assertThat(pulse.count("SELECT count(*) FROM channel_link WHERE channel_id = 'C0SAME'")).isZero();
    }

    @Test
    void theFacilitatorWhoIssuedACodeHearsWhyItIsRefused() {
        String used = invite();
        assertThat(say(guesser("T0GUESSFOUR", "C0TAKEN"), "lier " + used)).contains("est maintenant lié");
        String expired = invite();
        pulse.clock().advance(Invite.VALIDITY.plusMinutes(1));
        SlackClient anneElsewhere = pulse.member("C0ANNEBIS", "U0ANNE");
        SlackClient bobElsewhere = pulse.member("C0ANNEBIS", "U0BOB");

        assertThat(say(anneElsewhere, "lier " + used)).contains("que vous avez créé, a déjà servi");
        assertThat(say(anneElsewhere, "lier " + expired)).contains("que vous avez créé, a expiré");
        assertThat(say(anneElsewhere, "lier ABCD-EFGH")).isEqualTo(REFUSED);
        assertThat(say(bobElsewhere, "lier " + used)).isEqualTo(REFUSED);
        assertThat(say(bobElsewhere, "lier " + expired)).isEqualTo(REFUSED);
        assertThat(say(pulse.slack().as("T0GUESSFOUR", "C0ANNEBIS", "U0ANNE", "anne"), "lier " + used))
                .as("the same user id in another workspace is someone else").isEqualTo(REFUSED);
    }
}

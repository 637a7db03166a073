package io.collectivepulse.delivery;

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
 * Slack took a card, then PostgreSQL refused to record it (as when every connection is busy under load): the outbox
 * records it again a moment later and never posts it twice. PostgreSQL's refusals are played by a trigger that
 * fails the first three attempts to mark the card sent.
 */
class UnrecordedOutcomeTest {
    private static final String SECRET = "unrecorded-signing-secret-0123456789";
    private static final String TOKEN = "xoxb-unrecorded-token";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).build();

    @Test
    void aCardWhoseSendingCouldNotBeRecordedIsRecordedLaterAndPostedOnce() {
        SlackClient anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0UNREC", "U0ANNE", "anne");
        anne.command("/pulse", "lier Enregistrements");
        pulse.service().jdbi().useHandle(h -> h.execute("""
                CREATE SEQUENCE refused_records;
                CREATE FUNCTION refuse_three_records() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF nextval('refused_records') <= 3 THEN
                    RAISE EXCEPTION 'played: PostgreSQL cannot record this now';
                  END IF;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER refuse_three_records BEFORE UPDATE ON outbox FOR EACH ROW
                  WHEN (NEW.state = 'sent' AND NEW.channel_id = 'C0UNREC' AND NEW.kind = 'signal')
                  EXECUTE FUNCTION refuse_three_records();
                """));

        anne.command("/signal", "Un signal dont l'envoi sera dur à noter");
        Awaits.until(() -> Optional.of(count("state = 'sent'")).filter(n -> n == 1), WAIT,
                () -> "the card recorded as sent");

        assertThat(pulse.slackApi().accepted("chat.postMessage").stream()
                .filter(c -> SlackClient.text(c.message()).contains("dur à noter")).toList()).hasSize(1);
        assertThat(count("state = 'pending'")).isZero();
        long attempts = pulse.service().jdbi().withHandle(h -> h.createQuery("SELECT last_value FROM refused_records")
                .mapTo(Long.class).one());
        assertThat(attempts).as("refused three times, then recorded").isEqualTo(4);
    }

    private static long count(String condition) {
        return pulse.service().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM outbox WHERE kind = 'signal' AND channel_id = 'C0UNREC' AND " + condition)
                .mapTo(Long.class).one());
    }
}

package io.collectivepulse.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.community.CommunityService.LinkResult;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.signal.SignalService.ActionResult;
import io.collectivepulse.signal.SignalService.EditResult;
import io.collectivepulse.signal.SignalService.PostResult;
import io.collectivepulse.support.PulseDatabase;
import io.collectivepulse.support.RecordingSender;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared watch as its service sees it, on a real database, with a messenger that records what would be sent:
 * validation, one transaction per verb (forced failures leave nothing behind), cards drawn after the commit.
 */
class SignalServiceTest {
    @RegisterExtension
    static final PulseDatabase db = new PulseDatabase();

    private static final RecordingSender MESSENGER = new RecordingSender();
    private static final ChannelRef CHANNEL = new ChannelRef(Platform.SLACK, "T0SIG", "C0SIG");
    private static final Actor ANNE = new Actor(Platform.SLACK, "T0SIG", "U0ANNE", "anne");
    private static final Actor BOB = new Actor(Platform.SLACK, "T0SIG", "U0BOB", "bob");
    private static Outbox outbox;
    private static CommunityService communities;
    private static SignalService signals;
    private static Community community;

    @BeforeAll
    static void start() {
        communities = new CommunityService(db.database(), Clock.systemUTC(), Locale.FRENCH, ZoneId.of("Europe/Paris"));
        outbox = new Outbox(db.database(), Clock.systemUTC());
        outbox.register(Platform.SLACK, MESSENGER);
        signals = new SignalService(db.database(), communities, outbox, Clock.systemUTC());
        outbox.start();
        community = ((LinkResult.Linked) communities.create(ANNE, CHANNEL, "Veille RH")).community();
        // A failure PostgreSQL raises half-way through a write, on demand: a signal or a member named "boom".
        db.jdbi().useHandle(h -> h.execute("""
                CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
                CREATE TRIGGER refuse_signal BEFORE INSERT ON signal FOR EACH ROW
                    WHEN (NEW.body LIKE '%boom%') EXECUTE FUNCTION refuse_boom();
                CREATE TRIGGER refuse_member BEFORE INSERT ON member FOR EACH ROW
                    WHEN (NEW.display_name = 'boom') EXECUTE FUNCTION refuse_boom();
                """));
    }

    @AfterAll
    static void stop() {
        outbox.close();
    }

    @Test
    void aPostedSignalIsStoredWithItsAuthorAndItsCardIsSent() {
        var result = signals.post(community, BOB, CHANNEL, "Les jurys de concours passent en visio #recrutement",
                "", "");

        assertThat(result).isInstanceOf(PostResult.Posted.class);
        long id = ((PostResult.Posted) result).id();
        var card = MESSENGER.await(s -> s.kind().equals("post") && s.text().contains("passent en visio"));
        assertThat(card.channel()).isEqualTo(CHANNEL);
        assertThat(card.text()).contains("#recrutement", "[Je le vois aussi (0)]", "bob");
        assertThat(db.count("member", "user_id = 'U0BOB' AND role = 'member'")).isEqualTo(1);
        assertThat(signals.latest(community, Signal.Kind.SIGNAL, Optional.of("recrutement")))
                .extracting(Signal::id).containsExactly(id);
    }

    @Test
    void aRefusedDraftStoresAndSendsNothing() {
        assertThat(signals.post(community, BOB, CHANNEL, "   ", "", "")).isInstanceOf(PostResult.Empty.class);
        assertThat(signals.post(community, BOB, CHANNEL, "x".repeat(2001), "", ""))
                .isInstanceOf(PostResult.TooLong.class);
        assertThat(signals.post(community, BOB, CHANNEL, "Trop de thèmes", "a b c d e f g h i j k", ""))
                .isInstanceOf(PostResult.TooManyThemes.class);
        assertThat(signals.post(community, BOB, CHANNEL, "Un lien", "", "javascript:alert(1)"))
                .isInstanceOf(PostResult.NotALink.class);
        assertThat(signals.share(community, BOB, CHANNEL, "pas-un-lien commentaire"))
                .isInstanceOf(PostResult.NotALink.class);
        assertThat(db.count("signal", "author_id = 'U0BOB' AND body IN ('', 'Trop de thèmes', 'Un lien')")).isZero();
        assertThat(MESSENGER.sent()).noneMatch(s -> s.text().contains("Trop de thèmes") || s.text().contains("Un lien")
                || s.text().contains("commentaire"));
    }

    @Test
    void aFailureOnTheSignalRowLeavesNoMemberRowEither() {
        var newcomer = new Actor(Platform.SLACK, "T0SIG", "U0NEW", "newcomer");

        assertThatThrownBy(() -> signals.post(community, newcomer, CHANNEL, "boom", "", ""))
                .hasMessageContaining("refused by the test");

        assertThat(db.count("signal", "body = 'boom'")).isZero();
        assertThat(db.count("member", "user_id = 'U0NEW'")).as("the member row of the failed signal").isZero();
    }

    @Test
    void aFailureAfterTheVoteTakesTheVoteBack() {
        long id = ((PostResult.Posted) signals.post(community, ANNE, CHANNEL, "Un signal à soutenir", "", "")).id();
        // The vote is written first, then the voter's member row, which PostgreSQL refuses.
        var boom = new Actor(Platform.SLACK, "T0SIG", "U0BOOM", "boom");

        assertThatThrownBy(() -> signals.press(community, boom, SignalActions.VOTE, id))
                .hasMessageContaining("refused by the test");

        assertThat(db.count("signal_vote", "signal_id = " + id)).isZero();
        assertThat(signals.press(community, BOB, SignalActions.VOTE, id)).isEqualTo(ActionResult.VOTED);
        assertThat(db.count("signal_vote", "signal_id = " + id)).isEqualTo(1);
    }

    @Test
    void aVoteRedrawsTheCardAndOnlyAuthorsOrFacilitatorsEditOrDelete() {
        long id = ((PostResult.Posted) signals.post(community, BOB, CHANNEL, "Le télétravail s'étend", "", "")).id();
        String messageId = MESSENGER.await(s -> s.kind().equals("post") && s.text().contains("télétravail")).target();

        assertThat(signals.press(community, ANNE, SignalActions.VOTE, id)).isEqualTo(ActionResult.VOTED);
        MESSENGER.await(s -> s.kind().equals("update") && s.target().equals(messageId)
                && s.text().contains("[Je le vois aussi (1)]"));

        var carl = new Actor(Platform.SLACK, "T0SIG", "U0CARL", "carl");
        assertThat(signals.edit(community, carl, id, "Réécrit", "", "")).isInstanceOf(EditResult.AuthorOnly.class);
        assertThat(signals.press(community, carl, SignalActions.DELETE_CONFIRMED, id)).isEqualTo(ActionResult.AUTHOR_ONLY);
        assertThat(signals.press(community, carl, SignalActions.FLAG, id)).isEqualTo(ActionResult.FACILITATORS_ONLY);
        assertThat(signals.edit(community, BOB, id, "", "", "")).isInstanceOf(EditResult.Invalid.class);
        assertThat(signals.edit(community, BOB, id, "Le télétravail s'étend aux jurys", "rh", ""))
                .isInstanceOf(EditResult.Edited.class);
        MESSENGER.await(s -> s.kind().equals("update") && s.target().equals(messageId)
                && s.text().contains("aux jurys") && s.text().contains("#rh"));
        assertThat(signals.press(community, ANNE, SignalActions.DELETE_CONFIRMED, id)).isEqualTo(ActionResult.DELETED);
        MESSENGER.await(s -> s.kind().equals("update") && s.target().equals(messageId)
                && s.text().contains("supprimé"));
    }
}

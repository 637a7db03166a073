package io.collectivepulse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Form;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityCommands;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.digest.DigestCommands;
import io.collectivepulse.digest.DigestService;
import io.collectivepulse.poll.PollCommands;
import io.collectivepulse.poll.PollExportService;
import io.collectivepulse.poll.PollService;
import io.collectivepulse.router.ArrivalHandler;
import io.collectivepulse.router.Command;
import io.collectivepulse.router.Router;
import io.collectivepulse.schedule.PulseScheduler;
import io.collectivepulse.session.SessionCommands;
import io.collectivepulse.session.SessionFollowUp;
import io.collectivepulse.session.SessionService;
import io.collectivepulse.signal.SignalCommands;
import io.collectivepulse.signal.SignalService;
import io.collectivepulse.slack.BlockKitRendererAccess;
import io.collectivepulse.support.AdaptiveCardSchema;
import io.collectivepulse.support.BlockKitLimits;
import io.collectivepulse.support.PulseDatabase;
import io.collectivepulse.support.RecordingSender;
import io.collectivepulse.teams.AdaptiveCardRendererAccess;
import io.collectivepulse.welcome.HomeService;
import io.collectivepulse.welcome.WelcomeCommands;
import io.collectivepulse.welcome.WelcomeService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Screenshots of the cards, without a screen: every kind of card the bot sends, drawn by the features themselves on a
 * real database (the services wired as the application wires them, the platforms replaced by a sender that keeps the
 * cards), in French and in English, is rendered to {@code target/cards/<name>.<fr|en>.slack.json} — a
 * {@code {"blocks": …}} to paste into Slack's Block Kit Builder (a form: the modal's view) — and
 * {@code target/cards/<name>.<fr|en>.teams.json}, the Adaptive Card to paste into the Adaptive Cards designer. Each
 * is checked against Slack's limits and the Adaptive Card 1.5 schema. The README's "Seeing the cards" says how to look
 * at them.
 */
class CardGalleryTest {
    static final Path OUT = Path.of("target", "cards");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @RegisterExtension
    static final PulseDatabase db = new PulseDatabase();

    /** What a card or a form is called in the gallery, in the order the tour meets them. */
    private final Map<String, Object> gallery = new LinkedHashMap<>();

    /** The application's services and features on the test database, speaking {@code language} by default. */
    private static final class Wiring implements AutoCloseable {
        final RecordingSender sent = new RecordingSender();
        final Outbox outbox;
        final PulseScheduler scheduler;
        final Router router;
        final CommunityService communities;

        Wiring(Locale language) {
            Clock clock = Clock.systemUTC();
            var database = db.database();
            outbox = new Outbox(database, clock);
            outbox.register(Platform.SLACK, sent);
            outbox.register(Platform.TEAMS, sent);
            scheduler = new PulseScheduler(database.backgroundDataSource());
            communities = new CommunityService(database, clock, language, ZoneId.of("Europe/Paris"));
            Optional<URI> base = Optional.of(URI.create("https://pulse.example.org"));
            var signals = new SignalService(database, communities, outbox, clock);
            var digests = new DigestService(database, communities, signals, outbox, scheduler, clock);
            var sessions = new SessionService(database, communities, signals, outbox, scheduler, clock, base);
            var polls = new PollService(database, communities, outbox, scheduler, clock);
            var feedback = polls.feedback();
            sessions.followUp(SessionFollowUp.of(feedback::afterSession, feedback::reviewNote));
            router = new Router(communities::localeOf, communities::knownLocaleOf,
                    channel -> communities.findByChannel(channel).map(Community::id))
                    .add(new SignalCommands(communities, signals))
                    .add(new CommunityCommands(communities, outbox))
                    .add(new DigestCommands(communities, digests))
                    .add(new SessionCommands(communities, sessions))
                    .add(new PollCommands(communities, polls, new PollExportService(database, communities, clock, base)))
                    .add(new WelcomeCommands(database, communities,
                            new WelcomeService(database, communities, outbox, clock),
                            new HomeService(database, communities, digests, outbox, clock), digests, sessions));
            scheduler.start();
            outbox.start();
        }

        @Override
        public void close() {
            outbox.close();
            scheduler.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void everyCardIsRenderedForSlacksBlockKitBuilderAndTheAdaptiveCardsDesigner(String language) throws Exception {
        try (var wiring = new Wiring(Locale.forLanguageTag(language))) {
            tour(wiring, language);
        }
        List<Path> written = write(language);
        assertThat(written).hasSizeGreaterThan(2 * 30);
        for (String name : gallery.keySet()) {
            assertThat(OUT.resolve(name + "." + language + ".slack.json")).exists();
            assertThat(OUT.resolve(name + "." + language + ".teams.json")).exists();
        }
    }

    /** A community's life in one channel: every command, button and arrival that makes the bot draw a card. */
    private void tour(Wiring w, String language) throws Exception {
        String team = "T0GALLERY";
        var channel = new ChannelRef(Platform.SLACK, team, "C0GALLERY" + language.toUpperCase(Locale.ROOT));
        var anne = new Actor(Platform.SLACK, team, "U0ANNE" + language.toUpperCase(Locale.ROOT), "Anne Martin");
        var bob = new Actor(Platform.SLACK, team, "U0BOB" + language.toUpperCase(Locale.ROOT), "Bob Durand");
        var chloe = new Actor(Platform.SLACK, team, "U0CHLOE" + language.toUpperCase(Locale.ROOT), "Chloé");
        var tour = new Tour(w, channel);

        tour.answer("help.not-linked", bob, "pulse", "aide");
        tour.answer("community.linked", anne, "pulse", "lier Veille RH des collectivités");
        tour.answer("help", bob, "pulse", "aide");
        Card invitation = tour.answer("community.invitation", anne, "pulse", "inviter");
        Matcher code = Pattern.compile("\\b[A-Z2-9]{4}-[A-Z2-9]{4}\\b")
                .matcher(invitation.items().get(0).text() + " " + invitation.fallbackText());
        assertThat(code.find()).as("an invitation code").isTrue();
        // The same community in a Teams channel, where a poll's vote is answered with the voter's own view.
        var teams = new ChannelRef(Platform.TEAMS, "tenant-gallery", "19:gallery-" + language + "@thread.tacv2");
        var teamsBob = new Actor(Platform.TEAMS, "tenant-gallery", "29:bob-" + language, "Bob Durand");
        var teamsTour = new Tour(w, teams);
        teamsTour.answer("community.linked-with-code", teamsBob, "pulse", "lier " + code.group());
        tour.answer("community.status", anne, "pulse", "état");
        tour.answer("error.unknown-command", bob, "pulse", "nimportequoi");
        tour.answer("error.facilitators-only", bob, "pulse", "langue en");

        // Signals and resources.
        Reply form = w.router.handle(new Command(bob, channel, "signal", ""));
        tour.keep("signal.form", form.form());
        tour.press(bob, "signal.create", "", Map.of("text",
                "Deux régions testent la semaine de quatre jours pour leurs agents d'accueil. <!channel> "
                        + "<https://evil.example|Cliquez ici>",
                "themes", "temps-de-travail, rh", "link",
                "https://www.service-public.fr/particuliers/actualites/A17000"));
        Card signal = tour.posted("signal", s -> s.text().contains("semaine de quatre jours"));
        String signalId = signal.items().get(0).buttons().get(0).value();
        tour.answer("signal.refused-too-long", bob, "signal", "x".repeat(2100));
        tour.answer(null, chloe, "veille", "https://www.insee.fr/fr/statistiques/8000000 Les chiffres 2025 de "
                + "l'emploi public #rh");
        tour.posted("resource", s -> s.text().contains("emploi public"));
        tour.answer(null, anne, "signal", "Les jurys de concours passent en visio #recrutement");
        Card other = tour.posted("signal.short", s -> s.text().contains("jurys de concours"));
        String otherId = other.items().get(0).buttons().get(0).value();

        tour.refusal("error.flag-facilitators-only", chloe, "signal.flag", signalId);
        tour.refusal("error.delete-author-only", chloe, "signal.delete", signalId);
        tour.refusal("error.edit-author-only", chloe, "signal.edit", signalId);
        tour.keep("signal.edit-form", tour.press(bob, "signal.edit", signalId, Map.of()).form());
        tour.press(chloe, "signal.vote", signalId, Map.of());
        tour.press(anne, "signal.flag", signalId, Map.of());
        tour.press(chloe, "signal.claim", signalId, Map.of());
        tour.updated("signal.flagged-and-claimed", s -> s.text().contains("semaine de quatre jours")
                && s.card().footer() != null && s.card().footer().contains("Chloé"));
        tour.keep("signal.confirm-delete", tour.press(anne, "signal.delete", otherId, Map.of()).card());
        tour.keep("signal.deleted-notice", tour.press(anne, "signal.deleteConfirmed", otherId, Map.of()).card());
        tour.updated("signal.deleted", s -> s.card().items().size() == 1 && s.card().title() == null
                && s.card().items().get(0).buttons().isEmpty() && s.card().items().get(0).text().contains("ignal"));
        tour.answer("signal.list", bob, "signal", "liste");
        tour.answer("signal.list-empty", bob, "signal", "liste #inconnu");
        tour.answer("resource.list", bob, "veille", "liste");
        tour.answer("signal.themes", bob, "signal", "thèmes");
        tour.keep("signal.theme-claimed", tour.press(bob, "signal.claimTheme", "rh", Map.of()).card());

        // Sessions.
        tour.answer(null, anne, "seance",
                "planifier 2027-01-14 14h 1h30 Recrutement et attractivité | https://visio.example.org/rh-14-janvier");
        Card announcement = tour.posted("session.announcement", s -> s.text().contains("Recrutement et attractivité"));
        String sessionValue = announcement.items().stream().flatMap(i -> i.buttons().stream())
                .filter(b -> !b.isLink()).findFirst().orElseThrow().value();
        tour.press(bob, "session.yes", sessionValue, Map.of());
        tour.updated("session.announcement-answered", s -> s.text().contains("Recrutement et attractivité")
                && s.text().contains("Bob"));
        tour.answer("session.list", chloe, "seance", "");
        tour.answer("session.agenda", anne, "seance", "ordre-du-jour 1");
        tour.answer("session.review", anne, "seance", "bilan");
        tour.answer("session.reminders", anne, "pulse", "rappels");
        for (long reminder : w.scheduler.planned("session-reminder")) {
            w.scheduler.fireNow("session-reminder", reminder);
        }
        // A reminder says the session's title and has no answer buttons (the announcement has).
        tour.sent("session.reminder", s -> !s.kind().equals("update") && s.card().title() != null
                && s.card().title().contains("Recrutement et attractivité")
                && s.card().items().stream().allMatch(i -> i.buttons().stream().allMatch(b -> b.isLink())));
        tour.answer(null, anne, "seance", "planifier 2027-02-11 14h Une séance à annuler");
        tour.posted("session.announcement-without-place", s -> s.text().contains("Une séance à annuler"));
        tour.answer(null, anne, "seance", "annuler 2");
        tour.sent("session.cancellation", s -> s.kind().equals("post") && s.text().contains("Une séance à annuler")
                && s.card().items().stream().allMatch(i -> i.buttons().isEmpty()));

        // Polls.
        tour.answer(null, anne, "sondage", "\"Où se retrouver en janvier ?\" \"En ligne\" \"Sur place\" \"Les deux\"");
        Card poll = tour.posted("poll", s -> s.text().contains("Où se retrouver en janvier ?"));
        String pollId = poll.items().get(1).buttons().get(0).value();
        tour.keep("poll.my-vote", teamsTour.press(teamsBob, poll.items().get(1).buttons().get(0).action(), pollId,
                Map.of()).card());
        tour.press(chloe, poll.items().get(2).buttons().get(0).action(), pollId, Map.of());
        tour.answer("poll.list", chloe, "sondage", "liste");
        tour.answer("poll.usage", bob, "sondage", "");
        tour.keep("poll.voter-names", tour.press(anne, "poll.voters", pollId, Map.of()).card());
        tour.answer(null, anne, "sondage", "clôturer 1");
        tour.updated("poll.closed", s -> s.text().contains("Où se retrouver en janvier ?")
                && s.card().items().stream().allMatch(i -> i.buttons().stream().noneMatch(b -> b.action() != null
                && b.action().startsWith("poll.vote."))));
        tour.posted("poll.results", s -> s.text().contains("Où se retrouver en janvier ?")
                && s.card().items().stream().allMatch(i -> i.buttons().isEmpty()));
        tour.answer("poll.results-privately", chloe, "sondage", "résultats 1");

        // The digest, and a member's arrival and home.
        tour.answer("digest.preview", anne, "pulse", "synthèse aperçu");
        tour.answer("digest.settings", bob, "pulse", "synthèse");
        var david = new Actor(Platform.SLACK, team, "U0DAVID" + language.toUpperCase(Locale.ROOT), "David");
        w.router.arrived(new ArrivalHandler.Arrival(ArrivalHandler.Kind.MEMBER_JOINED, channel, david));
        tour.sent("welcome.member", s -> s.channel().equals(ChannelRef.direct(david)));
        var unlinked = new ChannelRef(Platform.SLACK, team, "C0NEW" + language.toUpperCase(Locale.ROOT));
        w.router.arrived(new ArrivalHandler.Arrival(ArrivalHandler.Kind.BOT_ADDED, unlinked, null));
        tour.sent("welcome.bot-added", s -> s.channel().equals(unlinked));
        w.router.arrived(new ArrivalHandler.Arrival(ArrivalHandler.Kind.HOME, ChannelRef.direct(bob), bob));
        tour.sent("home", s -> s.kind().equals("home") && s.channel().equals(ChannelRef.direct(bob)));
        w.router.arrived(new ArrivalHandler.Arrival(ArrivalHandler.Kind.HOME, ChannelRef.direct(anne), anne));
        Card home = tour.sent("home.facilitator",
                s -> s.kind().equals("home") && s.channel().equals(ChannelRef.direct(anne)));
        String community = home.items().stream().flatMap(i -> i.buttons().stream())
                .filter(b -> "settings.open".equals(b.action())).findFirst().orElseThrow().value();
        tour.keep("settings.form", tour.press(anne, "settings.open", community, Map.of()).form());
        tour.refusal("settings.refused", bob, "settings.open", community);
        tour.keep("error.apology", w.router.apology(channel, new IllegalStateException("PostgreSQL is down")).card());
    }

    /** Drives the router as the bridges do, and keeps what the bot answers or sends, by name. */
    private final class Tour {
        private final Wiring w;
        private final ChannelRef channel;
        private final List<RecordingSender.Sent> taken = new ArrayList<>();

        Tour(Wiring w, ChannelRef channel) {
            this.w = w;
            this.channel = channel;
        }

        /** A command; its answer is kept as {@code name} (unless null), and must be a card. */
        Card answer(String name, Actor actor, String root, String text) {
            Reply reply = w.router.handle(new Command(actor, channel, root, text));
            if (name != null) {
                assertThat(reply.card()).as(name).isNotNull();
                keep(name, reply.card());
            }
            return reply.card();
        }

        Reply press(Actor actor, String action, String value, Map<String, String> fields) {
            return w.router.press(new ButtonPress(actor, channel, action, value, fields));
        }

        /** A press refused: the private answer, kept. */
        void refusal(String name, Actor actor, String action, String value) {
            Reply reply = press(actor, action, value, Map.of());
            assertThat(reply.privately()).as(name).isTrue();
            keep(name, reply.card());
        }

        Card posted(String name, Predicate<RecordingSender.Sent> wanted) {
            return sent(name, s -> s.kind().equals("post") && wanted.test(s));
        }

        Card updated(String name, Predicate<RecordingSender.Sent> wanted) {
            return sent(name, s -> s.kind().equals("update") && wanted.test(s));
        }

        /** The first card sent, not kept yet, that matches. */
        Card sent(String name, Predicate<RecordingSender.Sent> wanted) {
            RecordingSender.Sent found = w.sent.await(s -> !taken.contains(s) && wanted.test(s));
            taken.add(found);
            keep(name, found.card());
            return found.card();
        }

        void keep(String name, Object cardOrForm) {
            assertThat(cardOrForm).as(name).isNotNull();
            assertThat(gallery).as("one card per name").doesNotContainKey(name);
            gallery.put(name, cardOrForm);
        }
    }

    /** Renders the gallery for both platforms, checks each rendering and writes it. */
    private List<Path> write(String language) throws IOException {
        Files.createDirectories(OUT);
        var slack = new BlockKitRendererAccess();
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, Object> entry : gallery.entrySet()) {
            String name = entry.getKey() + "." + language;
            ObjectNode teams;
            JsonNode slackJson;
            if (entry.getValue() instanceof Form form) {
                slackJson = JSON.readTree(slack.modal(form, "C0GALLERY"));
                assertThat(BlockKitLimits.modalViolations(slackJson)).as(name).isEmpty();
                teams = AdaptiveCardRendererAccess.render(form);
            } else {
                Card card = (Card) entry.getValue();
                List<String> messages = slack.messages(card);
                assertThat(messages).as(name + ": one Slack message").hasSize(1);
                ObjectNode message = JSON.createObjectNode();
                message.set("blocks", JSON.readTree(messages.get(0)));
                ObjectNode checked = message.deepCopy().put("text", slack.fallbackText(card));
                assertThat(BlockKitLimits.violations(checked)).as(name).isEmpty();
                slackJson = message;
                teams = AdaptiveCardRendererAccess.render(card);
            }
            ObjectNode activity = JSON.createObjectNode();
            ArrayNode attachments = activity.putArray("attachments");
            attachments.addObject().put("contentType", "application/vnd.microsoft.card.adaptive").set("content", teams);
            assertThat(AdaptiveCardSchema.violations(activity)).as(name).isEmpty();
            Path slackFile = OUT.resolve(name + ".slack.json");
            Path teamsFile = OUT.resolve(name + ".teams.json");
            Files.writeString(slackFile, JSON.writeValueAsString(slackJson));
            Files.writeString(teamsFile, JSON.writeValueAsString(teams));
            written.add(slackFile);
            written.add(teamsFile);
        }
        return written;
    }
}

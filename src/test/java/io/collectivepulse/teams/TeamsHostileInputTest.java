package io.collectivepulse.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.Breakage;
import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.Hostile;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.TeamsClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Bot Framework activities with hostile values and broken shapes, generated: messages typed in a channel, cards'
 * {@code Action.Submit} buttons, {@code Action.Execute} invokes and conversation updates. Whatever arrives, the answer
 * is a 200 (a 400 for a broken invoke) within 3 s with no stack trace; an activity of a broken shape keeps nothing;
 * nothing the bot sent to the Bot Connector mentions anyone or holds Markdown made of the member's text.
 */
class TeamsHostileInputTest {
    private static final String LINKED = "19:fuzzlinked@thread.tacv2";
    private static final String ELSEWHERE = "19:fuzzelsewhere@thread.tacv2";
    private static final Duration PROMPT = Duration.ofSeconds(3);
    private static final Set<String> REQUIRED = Set.of("type", "serviceUrl", "conversation", "conversation.id",
            "from", "from.id", "channelId");
    /** The SDK reads a number where text goes as text, and text where an account goes as the account's id. */
    private static final Breakage.Reading TEAMS = new Breakage.Reading(true, Set.of("conversation", "from"),
            Set.of("serviceUrl", "type", "name", "value.action.type"));
    private static PulseService pulse;

    @BeforeContainer
    static void start() {
        pulse = PulseService.builder().teams().build();
        pulse.beforeAll(null);
        assertThat(pulse.teams().post(pulse.teamsMessage(LINKED, "lier Communauté d'essai")).statusCode())
                .isEqualTo(200);
        pulse.teams().post(pulse.teamsMessage(LINKED, "signal Un premier signal #rh"));
        pulse.teams().post(pulse.teamsMessage(LINKED, "seance planifier 2031-06-12 14h 1h30 Séance d'essai"));
        pulse.teams().post(pulse.teamsMessage(LINKED, "sondage \"Quel thème ?\" \"Recrutement\" \"Télétravail\""));
        // The member's private chat with the bot, where the answers meant for them go, is opened now rather than
        // by the first such answer, whose sending would store its reference while a property counts the rows.
        ObjectNode status = pulse.teamsMessage(LINKED, "pulse etat");
        assertThat(pulse.teams().post(status).statusCode()).isEqualTo(200);
        String personal = FakeBotConnector.personalConversation(status.path("from").path("id").asText());
        pulse.connector().await(sent -> sent.conversationId().equals(personal), Duration.ofSeconds(10));
    }

    @AfterContainer
    static void stop() throws Exception {
        try {
            List<String> markup = new ArrayList<>();
            for (FakeBotConnector.Sent sent : pulse.connector().all()) {
                markup.addAll(markup(sent.activity()));
            }
            assertThat(markup).as("mentions or Markdown in what the bot sent").isEmpty();
        } finally {
            pulse.afterAll(null);
        }
    }

    @Property
    void messages(@ForAll("typed") ObjectNode activity, @ForAll("breakages") Breakage breakage) {
        answeredPolitely(activity, breakage.apply(activity, REQUIRED, Set.of(), TEAMS), 200, breakage);
    }

    @Property
    void submittedCards(@ForAll("submits") ObjectNode activity, @ForAll("breakages") Breakage breakage) {
        answeredPolitely(activity, breakage.apply(activity, REQUIRED, Set.of(), TEAMS), 200, breakage);
    }

    @Property
    void executedCards(@ForAll("invokes") ObjectNode activity, @ForAll("invokeBreakages") Breakage breakage) {
        Set<String> required = new java.util.HashSet<>(REQUIRED);
        required.addAll(Set.of("name", "value", "value.action", "value.action.type", "value.action.data"));
        boolean broken = breakage.apply(activity, required, Set.of(), TEAMS);
        boolean unanswered = !TeamsActivityShape.CARD_ACTION.equals(activity.path("name").asText());
        answeredPolitely(activity, broken || unanswered, 400, breakage);
    }

    @Property
    void otherActivities(@ForAll("updates") ObjectNode activity, @ForAll("breakages") Breakage breakage) {
        answeredPolitely(activity, breakage.apply(activity, REQUIRED, Set.of(), TEAMS), 200, breakage);
    }

    /**
     * Posts the activity: in time, no stack trace, 200 unless its shape is broken; then 200 or {@code brokenStatus}
     * (400 for an activity whose JSON does not even fit the schema's types) and nothing kept.
     */
    private static void answeredPolitely(ObjectNode activity, boolean broken, int brokenStatus, Breakage breakage) {
        String before = broken ? Hostile.rows(pulse.service().jdbi()) : null;
        long started = System.nanoTime();
        HttpResponse<String> response = pulse.teams().post(activity);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(response.statusCode()).as("status of %s", activity).isLessThan(500);
        assertThat(response.statusCode()).as("status of %s", activity).isIn(broken ? List.of(brokenStatus, 200, 400)
                : List.of(200));
        assertThat(took).as("answered within 3 s").isLessThan(PROMPT);
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
        if (broken) {
            assertThat(Hostile.rows(pulse.service().jdbi())).as("rows after an activity broken by %s", breakage).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<ObjectNode> typed() {
        return Combinators.combine(conversation(), Hostile.commandText(), Hostile.text(), locale())
                .as((conversation, text, name, locale) -> {
                    ObjectNode activity = pulse.teamsMessage(conversation, text);
                    ((ObjectNode) activity.path("from")).put("name", name);
                    return activity.put("locale", locale);
                });
    }

    @Provide
    Arbitrary<ObjectNode> submits() {
        Arbitrary<String> action = actions();
        return Combinators.combine(conversation(), action, Hostile.text(), Hostile.text())
                .as((conversation, a, value, field) -> {
                    ObjectNode activity = pulse.teamsMessage(conversation, "");
                    activity.remove("text");
                    activity.remove("entities");
                    activity.putObject("value").put("action", a).put("value", value).put("text", field)
                            .put("themes", field).put("question", field).put("title", field);
                    return activity;
                });
    }

    @Provide
    Arbitrary<ObjectNode> invokes() {
        Arbitrary<String> name = Arbitraries.frequency(Tuple.of(8, TeamsActivityShape.CARD_ACTION),
                Tuple.of(1, "task/fetch"), Tuple.of(1, "composeExtension/query"), Tuple.of(1, ""));
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("1", "2", "0", "-1", "99999999999", "abc"),
                Hostile.text());
        return Combinators.combine(conversation(), actions(), value, name).as((conversation, a, v, n) -> {
            ObjectNode invoke = TeamsClient.execute(pulse.teamsMessage(conversation, ""), a, v);
            return invoke.put("name", n);
        });
    }

    @Provide
    Arbitrary<ObjectNode> updates() {
        Arbitrary<String> recorded = Arbitraries.of("conversationUpdate.membersAdded.groupChat",
                "conversationUpdate.teamMemberAdded.channel", "conversationUpdate.teamRenamed");
        Arbitrary<String> type = Arbitraries.of("conversationUpdate", "installationUpdate", "messageReaction",
                "typing", "event", "endOfConversation", "messageUpdate", "messageDelete", "surprise");
        return Combinators.combine(recorded, type, Hostile.text()).as((name, t, text) -> {
            ObjectNode activity = TeamsClient.recorded(name);
            activity.put("serviceUrl", pulse.connector().serviceUrl()).put("type", t).put("text", text);
            return activity;
        });
    }

    private static Arbitrary<String> conversation() {
        return Arbitraries.frequency(Tuple.of(6, LINKED), Tuple.of(2, ELSEWHERE));
    }

    private static Arbitrary<String> locale() {
        return Arbitraries.of("fr-FR", "en-US", "de-DE", "", "xx");
    }

    private static Arbitrary<String> actions() {
        return Arbitraries.of("signal.vote", "signal.claim", "signal.flag", "signal.delete", "signal.claimTheme",
                "signal.edit", "signal.create", "poll.vote.0", "poll.vote.1", "poll.drop.0", "poll.withdraw",
                "poll.close", "poll.voters", "poll-form.create", "session.yes", "session.no", "session.create",
                "session.attendance", "inconnu", "");
    }

    @Provide
    Arbitrary<Breakage> breakages() {
        return Breakage.of(List.copyOf(REQUIRED));
    }

    @Provide
    Arbitrary<Breakage> invokeBreakages() {
        List<String> paths = new ArrayList<>(REQUIRED);
        paths.addAll(List.of("name", "value", "value.action", "value.action.type", "value.action.data"));
        return Breakage.of(paths);
    }

    /** Mention entities, and Markdown or mention tags in the TextBlocks (member text goes in TextRuns only). */
    private static List<String> markup(JsonNode activity) {
        List<String> found = new ArrayList<>();
        activity.path("attachments").forEach(attachment -> {
            JsonNode content = attachment.path("content");
            content.path("msteams").path("entities").forEach(entity -> found.add("entity " + entity));
            content.path("body").forEach(block -> {
                String text = block.path("text").asText("");
                if ("TextBlock".equals(block.path("type").asText()) && (text.contains("](") || text.contains("<at>"))) {
                    found.add(text);
                }
            });
        });
        activity.path("entities").forEach(entity -> {
            if ("mention".equals(entity.path("type").asText())) {
                found.add("entity " + entity);
            }
        });
        return found;
    }

}

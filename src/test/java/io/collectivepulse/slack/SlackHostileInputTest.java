package io.collectivepulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.Breakage;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Hostile;
import io.collectivepulse.support.Http;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import io.collectivepulse.support.SlackSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
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
 * Signed Slack requests with hostile values and broken shapes, generated: slash commands, interaction payloads
 * (block_actions, view_submission, view_closed, shortcuts) and Events API callbacks. Whatever arrives, the answer is
 * a 200 within 3 s with no stack trace and no mention or link made of the member's text; a request of a broken
 * shape keeps nothing; nothing the bot sent to Slack holds a mention or link either. {@code jqwik.tries.default}
 * (in junit-platform.properties) sets how many requests each property sends; {@code -Pfuzz} sends many more.
 */
class SlackHostileInputTest {
    private static final String SECRET = "test-signing-secret-0123456789abcdef";
    private static final String TEAM = FakeSlackApi.TEAM_ID;
    private static final String CHANNEL = "C0FUZZ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Duration PROMPT = Duration.ofSeconds(3);
    private static PulseService pulse;
    private static SlackSigner signer;

    @BeforeContainer
    static void start() {
        pulse = PulseService.builder().slackBot(SECRET, "xoxb-test-token").build();
        pulse.beforeAll(null);
        signer = new SlackSigner(SECRET);
        SlackClient facilitator = pulse.member(CHANNEL, "U0FACI");
        facilitator.command("/pulse", "lier Communauté d'essai");
        facilitator.command("/signal", "Un premier signal #rh");
        facilitator.command("/sondage", "\"Quel thème ?\" \"Recrutement\" \"Télétravail\"");
        facilitator.command("/seance", "planifier 2031-06-12 14h 1h30 Séance d'essai");
    }

    @AfterContainer
    static void stop() throws Exception {
        try {
            List<String> markup = pulse.slackApi().calls("chat.postMessage").stream()
                    .flatMap(call -> Hostile.slackMarkup(call.message()).stream()).toList();
            assertThat(markup).as("mentions or links in what the bot posted").isEmpty();
            assertThat(pulse.count("select count(*) from signal s where not exists (select 1 from outbox o"
                    + " where o.subject_id = s.id and o.kind in ('signal', 'resource'))")).as("signals without a card")
                    .isZero();
        } finally {
            pulse.afterAll(null);
        }
    }

    @Property
    void slashCommands(@ForAll("commands") Map<String, String> form, @ForAll("commandFields") String dropped) {
        boolean broken = !dropped.isEmpty() || List.of("team_id", "channel_id", "user_id", "command").stream()
                .anyMatch(field -> form.get(field).isEmpty());
        form.remove(dropped);
        answeredPolitely(Http.form(form), broken);
    }

    @Property
    void buttons(@ForAll("presses") ObjectNode payload, @ForAll("breakages") Breakage breakage) {
        boolean broken = breakage.apply(payload, Set.of("type", "team", "team.id", "user", "user.id", "actions",
                "channel.id"), Set.of(), Breakage.Reading.STRICT);
        answeredPolitely(Http.form(Map.of("payload", write(payload))), broken);
    }

    @Property
    void forms(@ForAll("submissions") ObjectNode payload, @ForAll("breakages") Breakage breakage) {
        Set<String> required = new HashSet<>(Set.of("type", "team", "team.id", "user", "user.id"));
        switch (payload.path("type").asText()) {
            case "view_submission" -> required.addAll(Set.of("view", "view.callback_id", "view.private_metadata",
                    "view.state"));
            case "view_closed" -> required.addAll(Set.of("view", "view.callback_id", "view.private_metadata"));
            default -> required.add("callback_id");
        }
        boolean broken = breakage.apply(payload, required, Set.of("view.private_metadata"), Breakage.Reading.STRICT);
        answeredPolitely(Http.form(Map.of("payload", write(payload))), broken);
    }

    @Property
    void events(@ForAll("mentions") ObjectNode callback, @ForAll("eventBreakages") Breakage breakage) {
        Set<String> required = Set.of("type", "team_id", "event_id", "event", "event.type", "event.user",
                "event.channel", "event.text", "event.ts");
        boolean broken = breakage.apply(callback, required, Set.of("event.text"), Breakage.Reading.STRICT);
        answeredPolitely(write(callback), broken);
    }

    /** Sends the signed body; a 200 in time, no stack trace, no markup; nothing kept when its shape is broken. */
    private static void answeredPolitely(String body, boolean broken) {
        String before = broken ? Hostile.rows(pulse.service().jdbi()) : null;
        long now = Instant.now().getEpochSecond();
        long started = System.nanoTime();
        HttpResponse<String> response = pulse.slack().sendSigned(body, now, signer.sign(now, body));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(response.statusCode()).as("status of %s", body).isEqualTo(200);
        assertThat(took).as("answered within 3 s").isLessThan(PROMPT);
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
        if (response.body().startsWith("{")) {
            assertThat(Hostile.slackMarkup(read(response.body()))).as("markup in the answer").isEmpty();
        }
        if (broken) {
            assertThat(Hostile.rows(pulse.service().jdbi())).as("rows after a broken request").isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<Map<String, String>> commands() {
        Arbitrary<String> root = Arbitraries.of("/signal", "/veille", "/pulse", "/seance", "/sondage", "/inconnu",
                "/", "signal", "");
        Arbitrary<String> team = Arbitraries.frequency(Tuple.of(8, TEAM), Tuple.of(1, "T0OTHER"), Tuple.of(1, ""));
        Arbitrary<String> channel = Arbitraries.frequency(Tuple.of(6, CHANNEL), Tuple.of(3, "C0ELSEWHERE"),
                Tuple.of(1, ""));
        Arbitrary<String> user = Arbitraries.frequency(Tuple.of(4, "U0FACI"), Tuple.of(4, "U0MEMBER"),
                Tuple.of(1, ""));
        return Combinators.combine(root, team, channel, user, Hostile.commandText()).as((r, t, c, u, text) -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("token", "deprecated");
            form.put("team_id", t);
            form.put("team_domain", "pulse-test");
            form.put("channel_id", c);
            form.put("channel_name", "essai");
            form.put("user_id", u);
            form.put("user_name", "membre");
            form.put("command", r);
            form.put("text", text);
            form.put("api_app_id", "A0PULSE");
            form.put("response_url", "https://hooks.slack.com/commands/" + t + "/1/x");
            form.put("trigger_id", "1." + SEQUENCE.incrementAndGet() + ".3");
            return form;
        });
    }

    @Provide
    Arbitrary<String> commandFields() {
        return Arbitraries.frequency(Tuple.of(12, ""), Tuple.of(1, "team_id"), Tuple.of(1, "channel_id"),
                Tuple.of(1, "user_id"), Tuple.of(1, "command"), Tuple.of(1, "text"));
    }

    @Provide
    Arbitrary<ObjectNode> presses() {
        Arbitrary<String> action = Arbitraries.of("signal.vote", "signal.claim", "signal.flag", "signal.delete",
                "signal.claimTheme", "signal.edit", "poll.vote.0", "poll.vote.1", "poll.drop.0", "poll.withdraw",
                "poll.close", "poll.voters", "session.yes", "session.maybe", "session.no", "session.agenda.remove",
                "link.open", "inconnu", "");
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("1", "2", "0", "-1", "999999999999",
                "1|2", "abc"), Hostile.text());
        Arbitrary<String> user = Arbitraries.of("U0FACI", "U0MEMBER");
        Arbitrary<String> channel = Arbitraries.frequency(Tuple.of(6, CHANNEL), Tuple.of(2, "C0ELSEWHERE"));
        return Combinators.combine(action, value, user, channel).as((a, v, u, c) -> {
            ObjectNode payload = template("block_actions.bolt-python.json");
            payload.putObject("user").put("id", u).put("username", "membre").put("name", "membre").put("team_id", TEAM);
            ((ObjectNode) payload.path("team")).put("id", TEAM);
            ((ObjectNode) payload.path("channel")).put("id", c);
            ((ObjectNode) payload.path("container")).put("channel_id", c).put("is_ephemeral", false);
            ((ObjectNode) payload.path("actions").get(0)).put("action_id", a).put("value", v)
                    .put("action_ts", Instant.now().getEpochSecond() + "." + SEQUENCE.incrementAndGet());
            return payload;
        });
    }

    @Provide
    Arbitrary<ObjectNode> submissions() {
        Arbitrary<String> callback = Arbitraries.of("signal.create", "signal.save", "session.create", "session.save",
                "session.attendance", "poll-form.create", "inconnu");
        Arbitrary<String> metadata = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(CHANNEL, CHANNEL + "|1",
                CHANNEL + "|", CHANNEL + "|999999", "C0ELSEWHERE")), Tuple.of(1, Arbitraries.of("", "|")),
                Tuple.of(1, Hostile.text()));
        Arbitrary<String> type = Arbitraries.frequency(Tuple.of(6, "view_submission"), Tuple.of(1, "view_closed"),
                Tuple.of(1, "shortcut"), Tuple.of(1, "message_action"));
        Arbitrary<List<String>> values = Hostile.text().list().ofSize(6);
        return Combinators.combine(callback, metadata, type, values).as((cb, meta, t, vs) -> {
            ObjectNode payload = template("view_submission.bolt-python.json");
            payload.put("type", t).put("callback_id", cb).put("trigger_id", "1." + SEQUENCE.incrementAndGet() + ".3");
            payload.putObject("user").put("id", "U0FACI").put("username", "faci").put("name", "faci")
                    .put("team_id", TEAM);
            ((ObjectNode) payload.path("team")).put("id", TEAM);
            ObjectNode view = (ObjectNode) payload.path("view");
            view.put("callback_id", cb).put("private_metadata", meta);
            ObjectNode state = view.putObject("state").putObject("values");
            List<String> blocks = List.of("text", "themes", "link", "title", "when", "question");
            for (int i = 0; i < blocks.size(); i++) {
                state.putObject(blocks.get(i)).putObject("field").put("type", "plain_text_input")
                        .put("value", vs.get(i));
            }
            return payload;
        });
    }

    @Provide
    Arbitrary<ObjectNode> mentions() {
        Arbitrary<String> channel = Arbitraries.frequency(Tuple.of(6, CHANNEL), Tuple.of(2, "C0ELSEWHERE"));
        return Combinators.combine(Hostile.commandText(), channel).as((text, c) -> {
            ObjectNode callback = JSON.createObjectNode().put("type", "event_callback").put("team_id", TEAM)
                    .put("api_app_id", "A0PULSE").put("event_id", "Ev" + UUID.randomUUID())
                    .put("event_time", Instant.now().getEpochSecond());
            callback.putObject("event").put("type", "app_mention").put("user", "U0MEMBER")
                    .put("text", "<@U0BOT> " + text).put("channel", c)
                    .put("ts", Instant.now().getEpochSecond() + "." + SEQUENCE.incrementAndGet())
                    .put("event_ts", Instant.now().getEpochSecond() + ".000100");
            return callback;
        });
    }

    /** No change, or one that breaks a field the handlers rely on: removed, or given a value of another type. */
    @Provide
    Arbitrary<Breakage> breakages() {
        return Breakage.of(List.of("type", "team", "team.id", "user", "user.id", "actions", "channel.id",
                "view", "view.callback_id", "view.private_metadata", "view.state", "callback_id"));
    }

    @Provide
    Arbitrary<Breakage> eventBreakages() {
        return Breakage.of(List.of("type", "team_id", "event_id", "event", "event.type", "event.user",
                "event.channel", "event.text", "event.ts"));
    }

    private static ObjectNode template(String name) {
        try (InputStream in = SlackHostileInputTest.class.getResourceAsStream(
                "/conformance/slack/payloads/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.collectivepulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.methods.Methods;
import com.slack.api.methods.MethodsClient;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bot scopes the app asks for are exactly those that what it does needs. The Web API methods the code calls
 * are read from the source ({@code Methods.X} constants and {@code MethodsClient} calls) and the events it handles
 * from its {@code app.event(...)} registrations; each maps to its scopes as Slack's reference documents them. The test
 * fails on a method or event missing from that table, on a method or event whose scope the manifest does not ask,
 * and on a scope nothing needs.
 */
class SlackScopesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/collectivepulse");
    private static final Path MANIFEST = Path.of("manifests/slack/manifest.json");

    /**
     * Scope needs from Slack's reference (api.slack.com/methods/…, api.slack.com/events/…), for the way this app uses
     * a method: the scopes it requires (empty: none), and those it may use besides.
     */
    private record Needs(List<String> required, List<String> mayUse) {
        static Needs none() {
            return new Needs(List.of(), List.of());
        }

        static Needs of(String... scopes) {
            return new Needs(List.of(scopes), List.of());
        }
    }

    private static final Map<String, Needs> METHODS = Map.ofEntries(
            // chat:write.public: "post to channels your app isn't a member of" (public channels only).
            Map.entry("chat.postMessage", new Needs(List.of("chat:write"), List.of("chat:write.public"))),
            Map.entry("chat.postEphemeral", Needs.of("chat:write")),
            Map.entry("chat.update", Needs.of("chat:write")),
            Map.entry("chat.delete", Needs.of("chat:write")),
            // One scope per kind of conversation; communities link public and private channels, the outbox looks
            // in both (never in a member's private conversation with the app).
            Map.entry("conversations.history", Needs.of("channels:history", "groups:history")),
            Map.entry("conversations.info", Needs.of("channels:read", "groups:read")),
            Map.entry("conversations.open", Needs.of("im:write")),
            Map.entry("users.info", Needs.of("users:read")),
            Map.entry("views.open", Needs.none()),
            Map.entry("views.publish", Needs.none()),
            Map.entry("views.update", Needs.none()),
            Map.entry("auth.test", Needs.none()),
            Map.entry("oauth.v2.access", Needs.none()));

    private static final Map<String, Needs> EVENTS = Map.of(
            "app_mention", Needs.of("app_mentions:read"),
            "app_uninstalled", Needs.none(),
            "tokens_revoked", Needs.none(),
            "app_home_opened", Needs.none(),
            "member_joined_channel", Needs.of("channels:read", "groups:read"));

    /** Methods Bolt calls on its own: auth.test to check a workspace's token, oauth.v2.access at installation. */
    private static final Set<String> BOLT_CALLS = Set.of("auth.test", "oauth.v2.access");

    /**
     * Scopes asked ahead of the code that will use them, so that workspace administrators approve the app once: each
     * names the event or method that will need it. Remove an entry when its user lands (the last test says when).
     */
    private static final Map<String, String> ANNOUNCED = Map.of();

    private static final Pattern METHOD_CONSTANT = Pattern.compile("Methods\\.([A-Z0-9_]+)");
    private static final Pattern CLIENT_CALL = Pattern.compile("\\.([a-z]+[A-Z][A-Za-z0-9]*)\\(");
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\.event\\(\\s*([A-Za-z]+Event)\\.class");

    @Test
    void everyMethodTheCodeCallsAndEveryEventItHandlesHasItsScopes() throws IOException {
        Set<String> granted = new HashSet<>(manifestScopes());
        assertThat(METHODS).as("methods missing from the table of Slack's documented scopes")
                .containsKeys(calledMethods().toArray(String[]::new));
        assertThat(EVENTS).as("events missing from the table of Slack's documented scopes")
                .containsKeys(handledEvents().toArray(String[]::new));
        Map<String, Needs> used = used();
        used.forEach((what, needs) -> assertThat(granted).as(what + " needs scopes the manifest does not ask")
                .containsAll(needs.required()));
    }

    @Test
    void everyScopeAskedIsNeededByAMethodAnEventOrTheCommands() throws IOException {
        Set<String> usable = new TreeSet<>();
        used().values().forEach(needs -> {
            usable.addAll(needs.required());
            usable.addAll(needs.mayUse());
        });
        usable.addAll(ANNOUNCED.keySet());
        assertThat(usable).as("scopes the manifest asks that no method, event or command needs")
                .containsAll(manifestScopes());
    }

    @Test
    void theManifestSubscribesToTheEventsTheCodeHandlesAndBoltAsksTheManifestsScopes() throws IOException {
        Set<String> subscribed = new TreeSet<>();
        manifest().at("/settings/event_subscriptions/bot_events").forEach(e -> subscribed.add(e.asText()));
        assertThat(subscribed).isEqualTo(handledEvents());
        assertThat(SlackBridge.BOT_SCOPES).containsExactlyInAnyOrderElementsOf(manifestScopes());
    }

    @Test
    void aScopeAskedAheadIsNotYetUsedElseItsEntryIsStale() throws IOException {
        Set<String> present = new TreeSet<>(calledMethods());
        present.addAll(handledEvents());
        ANNOUNCED.forEach((scope, user) -> assertThat(present)
                .as(user + " is now used: remove " + scope + " from ANNOUNCED, the tables justify it").doesNotContain(user));
    }

    /** The methods and events the service uses, and its slash commands, each with its needs. */
    private static Map<String, Needs> used() throws IOException {
        Map<String, Needs> used = new TreeMap<>();
        if (!manifest().at("/features/slash_commands").isEmpty()) {
            used.put("slash commands", Needs.of("commands"));
        }
        calledMethods().forEach(m -> used.put(m, METHODS.get(m)));
        handledEvents().forEach(e -> used.put(e, EVENTS.get(e)));
        return used;
    }

    static Set<String> calledMethods() throws IOException {
        String source = source();
        Set<String> methods = new TreeSet<>(BOLT_CALLS);
        Matcher constant = METHOD_CONSTANT.matcher(source);
        while (constant.find()) {
            methods.add(methodName(constant.group(1)));
        }
        Map<String, String> clientMethods = clientMethods();
        Matcher call = CLIENT_CALL.matcher(source);
        while (call.find()) {
            String method = clientMethods.get(call.group(1));
            if (method != null) {
                methods.add(method);
            }
        }
        assertThat(methods).as("the sender's calls are found").contains("chat.postMessage", "views.open");
        return methods;
    }

    private static Set<String> handledEvents() throws IOException {
        Set<String> events = new TreeSet<>();
        Matcher handler = EVENT_HANDLER.matcher(source());
        while (handler.find()) {
            try {
                Class<?> type = Class.forName("com.slack.api.model.event." + handler.group(1));
                events.add((String) type.getField("TYPE_NAME").get(null));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("Unknown event class " + handler.group(1), e);
            }
        }
        return events;
    }

    /** {@code Methods.CHAT_POST_MESSAGE} is "chat.postMessage". */
    private static String methodName(String constant) {
        try {
            return (String) Methods.class.getField(constant).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Unknown Slack method constant " + constant, e);
        }
    }

    /**
     * The SDK's client methods named after a Web API method ({@code conversationsHistory} for
     * {@code conversations.history}), by Java name.
     */
    private static Map<String, String> clientMethods() {
        Map<String, String> byCamelCase = Arrays.stream(Methods.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(f -> methodName(f.getName()))
                .collect(Collectors.toMap(m -> m.replace(".", "").toLowerCase(), m -> m, (a, b) -> a));
        return Arrays.stream(MethodsClient.class.getMethods()).map(java.lang.reflect.Method::getName).distinct()
                .filter(name -> byCamelCase.containsKey(name.toLowerCase()))
                .collect(Collectors.toMap(name -> name, name -> byCamelCase.get(name.toLowerCase())));
    }

    private static String source() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
    }

    private static List<String> manifestScopes() throws IOException {
        return Stream.of(manifest().at("/oauth_config/scopes/bot")).flatMap(n -> {
            List<String> scopes = new java.util.ArrayList<>();
            n.forEach(s -> scopes.add(s.asText()));
            return scopes.stream();
        }).toList();
    }

    private static JsonNode manifest() throws IOException {
        return new ObjectMapper().readTree(MANIFEST.toFile());
    }
}

package io.collectivepulse.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The service on a fresh database of the test PostgreSQL, with the fake platforms a test class asks for, shared by
 * all the tests of the class. Declared as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams().build();
 * }</pre>
 *
 * After the last test it checks that the fakes refused nothing the service sent (a message Slack or Teams would
 * reject), then closes the service and the fakes, whether the check passed or not.
 */
public final class PulseService implements BeforeAllCallback, AfterAllCallback {
    private static final Pattern INVITATION = Pattern.compile("[A-Z0-9]{4}-[A-Z0-9]{4}");
    /** The PULSE_ENCRYPTION_KEY of {@link Builder#slackApp}: 32 bytes in base64, as production wants. */
    public static final String ENCRYPTION_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private final Builder wanted;
    private final List<AutoCloseable> started = new ArrayList<>();
    private FakeSlackApi slackApi;
    private FakeOpenIdMetadata openId;
    private FakeIdentityPlatform identity;
    private FakeBotConnector connector;
    private MutableClock clock;
    private RunningService service;
    private SlackClient slack;
    private TeamsClient teams;

    private PulseService(Builder wanted) {
        this.wanted = wanted;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Map<String, String> env = new LinkedHashMap<>(wanted.env);
        if (wanted.slackEnv != null) {
            slackApi = started(new FakeSlackApi(wanted.slackToken));
            env.putAll(wanted.slackEnv);
            env.put("SLACK_API_URL", slackApi.url());
        }
        if (wanted.jwks != null) {
            openId = started(new FakeOpenIdMetadata(wanted.jwks));
            identity = started(new FakeIdentityPlatform(wanted.appId, wanted.appPassword));
            env.put("BOTFRAMEWORK_OPENID_METADATA_URL", openId.metadataUrl());
            env.put("MICROSOFT_LOGIN_URL", identity.url());
        }
        if (wanted.teams) {
            connector = started(identity != null ? new FakeBotConnector(identity::issued) : new FakeBotConnector());
        }
        if (wanted.appId != null) {
            env.put("MICROSOFT_APP_ID", wanted.appId);
            env.put("MICROSOFT_APP_PASSWORD", wanted.appPassword);
        }
        // The clock starts when the service does, so that Slack signatures (checked against it) stay valid.
        clock = wanted.mutableClock ? new MutableClock(Instant.now()) : null;
        service = started(RunningService.start(env, clock != null ? clock : Clock.systemUTC()));
        slack = wanted.signingSecret == null ? null
                : clock != null ? new SlackClient(service, wanted.signingSecret).withClock(clock)
                : new SlackClient(service, wanted.signingSecret);
        teams = connector != null ? new TeamsClient(service, connector) : null;
    }

    private <T extends AutoCloseable> T started(T resource) {
        started.add(resource);
        return resource;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        AssertionError refused = null;
        try {
            if (slackApi != null) {
                assertThat(slackApi.refusedUnexpectedly()).as("calls Slack would refuse").isEmpty();
            }
            if (connector != null) {
                assertThat(connector.invalid()).as("cards Teams would refuse").isEmpty();
            }
        } catch (AssertionError e) {
            refused = e;
            throw e;
        } finally {
            closeAll(refused);
        }
    }

    /**
     * Closes the service first, then the fakes, each even if another fails to close. A failure to close is added
     * to {@code failed} when the class already failed, so that it does not hide why.
     */
    private void closeAll(Throwable failed) throws Exception {
        Exception failure = null;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                if (failed != null) {
                    failed.addSuppressed(e);
                } else if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        started.clear();
        if (failure != null) {
            throw failure;
        }
    }

    public RunningService service() {
        return present(service, "the service (register PulseService in a static field)");
    }

    public FakeSlackApi slackApi() {
        return present(slackApi, "the fake Slack Web API (ask for slackBot or slackApp)");
    }

    /** A Slack client signing with the class's secret, as the default member of the default channel. */
    public SlackClient slack() {
        return present(slack, "Slack (ask for slackBot or slackApp)");
    }

    public FakeBotConnector connector() {
        return present(connector, "the fake Bot Connector (ask for teams)");
    }

    public TeamsClient teams() {
        return present(teams, "Teams (ask for teams)");
    }

    /** A Teams channel message mentioning the bot in {@code conversation}, in the thread of its first post. */
    public ObjectNode teamsMessage(String conversation, String text) {
        ObjectNode activity = teams().channelMessage(text);
        ((ObjectNode) activity.path("conversation")).put("id", conversation + ";messageid=1");
        return activity;
    }

    /**
     * Links the Teams {@code conversation} to the community of the facilitator's Slack channel, with an invitation
     * code as members do, and waits for the bot's confirmation there.
     */
    public FakeBotConnector.Sent linkTeams(SlackClient facilitator, String conversation) {
        Matcher code = INVITATION.matcher(SlackClient.text(facilitator.command("/pulse", "inviter")));
        assertThat(code.find()).as("an invitation code").isTrue();
        assertThat(teams().post(teamsMessage(conversation, "lier " + code.group())).statusCode()).isEqualTo(200);
        return connector().await(sent -> sent.conversationId().equals(conversation)
                && sent.cardText().contains("est maintenant lié"), java.time.Duration.ofSeconds(10));
    }

    public FakeIdentityPlatform identity() {
        return present(identity, "the fake identity platform (ask for connectorKeys)");
    }

    /** A member of the fake Slack workspace ({@code U0ANNE} is "anne") typing in {@code channel}. */
    public SlackClient member(String channel, String user) {
        return slack().as(FakeSlackApi.TEAM_ID, channel, user, user.substring(2).toLowerCase());
    }

    /** A count (or any one number) the service's database answers, with positional arguments. */
    public long count(String sql, Object... args) {
        return service().jdbi().withHandle(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                query.bind(i, args[i]);
            }
            return query.mapTo(Long.class).one();
        });
    }

    public MutableClock clock() {
        return present(clock, "a mutable clock (ask for mutableClock)");
    }

    private static <T> T present(T value, String what) {
        if (value == null) {
            throw new IllegalStateException("This test class did not start " + what);
        }
        return value;
    }

    /** What a test class needs; each method adds to the service's environment exactly what it configures. */
    public static final class Builder {
        private final Map<String, String> env = new LinkedHashMap<>();
        private Map<String, String> slackEnv;
        private String slackToken;
        private String signingSecret;
        private boolean teams;
        private String appId;
        private String appPassword;
        private List<String> jwks;
        private boolean mutableClock;

        private Builder() {
        }

        /** One workspace with a fixed bot token: a fake Web API that accepts it. */
        public Builder slackBot(String signingSecret, String botToken) {
            return slack(signingSecret, botToken, Map.of("SLACK_SIGNING_SECRET", signingSecret,
                    "SLACK_BOT_TOKEN", botToken));
        }

        /** Workspaces that install the app through OAuth; the fake Web API knows no token until one installs. */
        public Builder slackApp(String signingSecret, String clientId, String clientSecret) {
            return slack(signingSecret, "xoxb-not-used-in-this-mode", Map.of("SLACK_SIGNING_SECRET", signingSecret,
                    "SLACK_CLIENT_ID", clientId, "SLACK_CLIENT_SECRET", clientSecret,
                    "PULSE_ENCRYPTION_KEY", ENCRYPTION_KEY));
        }

        private Builder slack(String signingSecret, String token, Map<String, String> slackEnv) {
            this.signingSecret = signingSecret;
            this.slackToken = token;
            this.slackEnv = slackEnv;
            return this;
        }

        /** A fake Bot Connector; without {@link #teams(String, String)}, Teams runs in Emulator mode. */
        public Builder teams() {
            this.teams = true;
            return this;
        }

        /** Teams with the bot's app credentials: the service requires a Bot Framework token on every activity. */
        public Builder teams(String appId, String appPassword) {
            this.appId = appId;
            this.appPassword = appPassword;
            return teams();
        }

        /**
         * Local stand-ins for login.botframework.com, publishing these keys (JWK), and for the identity platform
         * that gives the bot its own token; the fake Bot Connector then accepts only tokens that platform issued.
         */
        public Builder connectorKeys(List<String> jwks) {
            this.jwks = List.copyOf(jwks);
            return this;
        }

        /** Another environment variable for the service. */
        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** The service's time is a {@link MutableClock} set to now when the service starts. */
        public Builder mutableClock() {
            this.mutableClock = true;
            return this;
        }

        public PulseService build() {
            if (jwks != null && appId == null) {
                throw new IllegalStateException("connectorKeys needs the bot's app credentials: teams(appId, password)");
            }
            return new PulseService(this);
        }
    }
}

package io.collectivepulse.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.service.OAuthStateService;
import com.slack.api.bolt.util.SlackRequestParser;
import io.collectivepulse.Config;
import io.collectivepulse.chat.People;
import io.collectivepulse.db.Database;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.delivery.Sender;
import io.collectivepulse.router.Router;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serves {@code POST /slack/events}: checks the request's signature, turns the Javalin request into a Bolt
 * {@link Request}, lets the Bolt {@link App} run the handlers, and copies Bolt's {@link Response}
 * back. Slash commands, interactivity (buttons) and the Events API all arrive here.
 */
public final class SlackBridge implements Handler {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SlackBridge.class);
    public static final String INSTALL_PATH = "/slack/install";
    public static final String REDIRECT_PATH = "/slack/oauth_redirect";
    /** Where Bolt's OAuth flow starts, from the "Add to Slack" button of the page at {@link #INSTALL_PATH}. */
    public static final String INSTALL_START_PATH = SlackInstallPages.START_PATH;
    /**
     * What the bot may do in a workspace: the same list as in the Slack app manifest, each scope justified in
     * manifests/README.md; SlackScopesTest checks it against the Web API methods the code calls and the events it
     * handles.
     */
    static final List<String> BOT_SCOPES = List.of("app_mentions:read", "commands", "chat:write",
            "chat:write.public", "channels:history", "groups:history", "channels:read", "groups:read", "users:read");
    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignatureCheck signatures;
    private final SlackRequestShape shapes;
    private final SlackSender sender;
    private final SlackFailures failures;
    private final RememberedRequests remembered;
    private final PrivatePresses privatePresses;
    private final Router router;
    private final Database database;
    private final SlackRequestDao requests;
    private final SlackResponseUrlDao responseUrls;
    private final Clock clock;
    private final SlackNames names;

    public SlackBridge(Config.Slack config, Optional<URI> baseUrl, Router router, Outbox outbox, Database database,
                       SlackInstallationDao installationDao, Clock clock) {
        this.database = database;
        this.router = router;
        this.requests = new SlackRequestDao(database);
        this.clock = clock;
        this.signatures = new SlackSignatureCheck(config.signingSecret(), clock);
        this.shapes = new SlackRequestShape(router.roots().stream().map(root -> "/" + root)
                .collect(java.util.stream.Collectors.toSet()));
        Slack slack = SlackSdk.client(config.apiUrl());
        var builder = SlackSdk.app(config.signingSecret(), slack);
        SlackInstallations installations = config.distributed()
                ? new SlackInstallations(installationDao, new TokenCipher(config.encryptionKey()), clock) : null;
        if (installations != null) {
            installations.secureStoredTokens();
            SlackInstallPages.oauth(builder, config, baseUrl, BOT_SCOPES, REDIRECT_PATH);
        } else {
            builder.singleTeamBotToken(config.botToken());
        }
        AppConfig appConfig = builder.build();
        this.app = new App(appConfig);
        java.util.function.Function<String, Optional<String>> tokens = installations != null
                ? installations::botToken
                : workspace -> Optional.of(config.botToken());
        this.names = new SlackNames(SlackSdk.lookups(config.apiUrl()).methods(), tokens, new MemberNameDao(database),
                database, clock);
        if (installations != null) {
            app.asOAuthApp(true);
            app.service((InstallationService) installations);
            app.service((OAuthStateService) installations);
            new SlackUninstalls(installations, names).register(app);
        }
        var renderer = new BlockKitRenderer();
        var responses = new ResponseUrls(config.apiUrl());
        this.responseUrls = new SlackResponseUrlDao(database);
        this.sender = new SlackSender(slack.methods(), new SlackJsonCalls(slack), tokens, renderer,
                new SlackSender.NotInChannel(responseUrls, responses,
                        channel -> router.messages(channel).get("answer.notShown.slack"), clock));
        var forms = new SlackForms(router, renderer, outbox, database, names);
        forms.register(app);
        new SlackCommands(router, renderer, forms, names, responseUrls, clock).register(app);
        new SlackMentions(router, outbox, names).register(app);
        new SlackArrivals(router, names).register(app);
        var actions = new SlackActions(router, outbox, forms, names, responseUrls, clock);
        actions.register(app);
        this.failures = new SlackFailures(router, responses);
        this.privatePresses = new PrivatePresses(router, actions, failures);
        this.parser = new SlackRequestParser(appConfig);
        this.remembered = new RememberedRequests(app, database, requests, clock);
    }

    @Override
    public void handle(Context ctx) throws Exception {
        if (!signatures.isValid(ctx.header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
                ctx.header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE), ctx.body())) {
            ctx.status(401).result("Invalid or missing Slack signature");
            return;
        }
        Optional<String> problem = shapes.problem(ctx.body());
        if (problem.isPresent()) {
            ignore(ctx, problem.get());
            return;
        }
        if (!privatePresses.handled(ctx)) {
            serve(ctx);
        }
    }

    /** The installation pages, each with its path: the start page, the success page, the failure page. */
    public Map<String, Handler> installationPages() {
        var pages = new SlackInstallPages(BOT_SCOPES);
        return Map.of(INSTALL_PATH, pages.install(), SlackInstallPages.DONE_PATH, pages.done(),
                SlackInstallPages.FAILED_PATH, pages.failed());
    }

    /**
     * Serves Bolt's part of the OAuth installation, {@code GET /slack/install/start} and
     * {@code GET /slack/oauth_redirect}: browser requests, which Slack does not sign; the OAuth state (a cookie
     * checked against the database) protects them.
     */
    public Handler installation() {
        return ctx -> {
            Request<?> request = parse(ctx);
            if (request == null) {
                ctx.status(400).result("Unrecognised request");
                return;
            }
            copy(app.run(request), ctx);
        };
    }

    /** True when workspaces install the app through OAuth. */
    public boolean distributed() {
        return app.config().isOAuthInstallPathEnabled();
    }

    /**
     * Runs a signed request of a known shape through Bolt. What Bolt cannot read or has no handler for is
     * acknowledged with nothing done, as Slack expects; a failure never reaches Slack as an error but as an apology
     * to the member who typed a command (see {@link #failed}).
     */
    private void serve(Context ctx) {
        Request<?> request;
        try {
            request = parse(ctx);
        } catch (RuntimeException e) {
            ignore(ctx, "a request Bolt could not read (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (request == null) {
            ignore(ctx, "a request of no kind Bolt knows");
            return;
        }
        Response response;
        try {
            String key = SlackReplays.key(request, ctx.header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
                    router::isPrivate);
            response = key == null ? app.run(request) : remembered.run(key, request);
        } catch (Exception e) {
            response = failures.answer(request, RememberedRequests.cause(e));
        }
        if (response.getStatusCode() == 400 || response.getStatusCode() == 404) {
            ignore(ctx, "a " + request.getRequestType() + " no handler takes (Bolt answered "
                    + response.getStatusCode() + ")");
            return;
        }
        copy(response, ctx);
    }

    private Request<?> parse(Context ctx) {
        return parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(ctx.path())
                .queryString(ctx.queryParamMap())
                .headers(new RequestHeaders(headers(ctx)))
                .requestBody(ctx.body())
                .remoteAddress(ctx.ip())
                .build());
    }

    private static void copy(Response response, Context ctx) {
        ctx.status(response.getStatusCode());
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> values.forEach(v -> ctx.res().addHeader(name, v)));
        }
        if (response.getContentType() != null) {
            ctx.contentType(response.getContentType());
        }
        ctx.result(response.getBody() == null ? "" : response.getBody());
    }

    /** Acknowledges a signed request that is not what Slack sends, with nothing done, and says why in the log. */
    private static void ignore(Context ctx, String problem) {
        LOG.warn("Slack request ignored: {}", problem);
        ctx.status(200).result("");
    }

    /** Forgets the requests handled before {@code before}, and the response_urls they came with. */
    public int forgetRequestsBefore(Instant before) {
        responseUrls.forgetBefore(before);
        return requests.forgetBefore(before);
    }

    /** Slack members' names by their id, for {@link io.collectivepulse.chat.People}. */
    public People.Directory names() {
        return names;
    }

    /** Sends the outbox's messages to Slack channels, with each workspace's bot token. */
    public Sender sender() {
        return sender;
    }

    private static Map<String, List<String>> headers(Context ctx) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        return headers;
    }
}

package io.collectivepulse.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Javalin bridge of the Bolt apps here, the same kind as {@code SlackBridge}: the Javalin request becomes
 * a Bolt {@link Request}, Bolt's {@link Response} goes back. Bolt checks the signature itself.
 */
final class BoltBridge implements Handler {
    private final App app;
    private final SlackRequestParser parser;

    BoltBridge(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    /**
     * Configured like ours (single workspace, cached {@code auth.test}), the Web API at {@code apiUrl} (the
     * benchmark's fake Slack); everything else, signature check included, is Bolt's default.
     */
    static AppConfig config(String signingSecret, String botToken, String apiUrl) {
        var slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(apiUrl);
        return AppConfig.builder()
                .signingSecret(signingSecret)
                .singleTeamBotToken(botToken)
                .slack(Slack.getInstance(slackConfig))
                .authTestCacheEnabled(true)
                .authTestCacheExpirationMillis(TimeUnit.HOURS.toMillis(1))
                .build();
    }

    @Override
    public void handle(Context ctx) throws Exception {
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(ctx.path())
                .queryString(ctx.queryParamMap())
                .headers(new RequestHeaders(headers(ctx)))
                .requestBody(ctx.body())
                .remoteAddress(ctx.ip())
                .build());
        if (request == null) {
            ctx.status(400);
            return;
        }
        Response response = app.run(request);
        ctx.status(response.getStatusCode());
        if (response.getContentType() != null) {
            ctx.contentType(response.getContentType());
        }
        ctx.result(response.getBody() == null ? "" : response.getBody());
    }

    private static Map<String, List<String>> headers(Context ctx) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        return headers;
    }
}

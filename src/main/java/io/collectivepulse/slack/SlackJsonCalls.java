package io.collectivepulse.slack;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Slack's write methods called with their arguments as a JSON body and the bot token as a Bearer header, which Slack
 * accepts for them. The SDK's calls send a form instead, whose Block Kit field is JSON written into a string and then
 * URL-encoded character by character: a fifth of the CPU the outbox spent per card posted (BENCHMARKS.md). Answers
 * are read as the SDK reads them: a 200 is parsed (here with one Gson, built once), any other status is a
 * {@link SlackApiException} carrying the response, its {@code Retry-After} included.
 */
final class SlackJsonCalls {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final String urlPrefix;
    private final Gson gson;

    SlackJsonCalls(Slack slack) {
        this.http = slack.getHttpClient().getOkHttpClient();
        this.urlPrefix = slack.getConfig().getMethodsEndpointUrlPrefix();
        // The SDK's own Gson, snake case with its Block Kit adapters: blocks are written as its forms write them.
        this.gson = GsonFactory.createSnakeCase(slack.getConfig());
    }

    /** Calls {@code method} with {@code arguments} (null values left out), on behalf of the bot {@code token}. */
    SlackAnswer call(String method, String token, Map<String, Object> arguments) throws IOException,
            SlackApiException {
        var request = new Request.Builder().url(urlPrefix + method)
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create(gson.toJson(arguments), JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            if (response.code() != 200) {
                throw new SlackApiException(response, body);
            }
            SlackAnswer answer;
            try {
                answer = gson.fromJson(body, SlackAnswer.class);
            } catch (JsonParseException e) {
                throw new IOException(method + ": unreadable answer", e);
            }
            if (answer == null) {
                throw new IOException(method + ": empty answer");
            }
            return answer;
        }
    }
}

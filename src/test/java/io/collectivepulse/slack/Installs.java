package io.collectivepulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackSigner;
import io.collectivepulse.support.Http;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the installation tests do: install the app as a browser would, and send Slack's events about it. */
final class Installs {
    static final String CLIENT_ID = "1234.5678";
    static final String CLIENT_SECRET = "client-secret-abcdef";

    private Installs() {
    }

    /**
     * A browser installing the app: our page at /slack/install, its "Add to Slack" button (Bolt's start), Slack's
     * consent (skipped), then the redirect with a code. Returns the redirect's answer.
     */
    static HttpResponse<String> install(PulseService pulse, String team, String token) throws Exception {
        String code = "code-" + team;
        pulse.slackApi().acceptInstallation(CLIENT_ID, CLIENT_SECRET, code, team, token);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(pulse.service().url(
                "/slack/install"))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/slack/install/start\"");
        HttpResponse<String> start = browser.send(
                HttpRequest.newBuilder(URI.create(pulse.service().url("/slack/install/start")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).contains("client_id=" + CLIENT_ID, "scope=", "redirect_uri=");
        Matcher state = Pattern.compile("[?&]state=([^&]+)").matcher(authorize);
        assertThat(state.find()).isTrue();
        String callback = "/slack/oauth_redirect?code=" + code + "&state="
                + URLDecoder.decode(state.group(1), StandardCharsets.UTF_8);
        // The state cookie is Secure: a browser sends it back over HTTPS; this test speaks HTTP, so it sends it.
        String cookie = start.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        return browser.send(HttpRequest.newBuilder(URI.create(pulse.service().url(callback))).header("Cookie", cookie)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An Events API callback from {@code team}, signed with {@code secret}, as Slack sends it. */
    static HttpResponse<String> event(PulseService pulse, String secret, String team, String eventJson) {
        String body = "{\"token\":\"x\",\"team_id\":\"" + team + "\",\"api_app_id\":\"A0PULSE\",\"event\":"
                + eventJson + ",\"type\":\"event_callback\",\"event_id\":\"Ev" + UUID.randomUUID().toString()
                .replace("-", "").substring(0, 10).toUpperCase() + "\",\"event_time\":"
                + Instant.now().getEpochSecond() + "}";
        long now = Instant.now().getEpochSecond();
        return Http.post(pulse.service().url("/slack/events"), "application/json", body, Map.of(
                "X-Slack-Request-Timestamp", Long.toString(now),
                "X-Slack-Signature", new SlackSigner(secret).sign(now, body)));
    }

    /** A page of the service, as a browser asks it. */
    static HttpResponse<String> page(PulseService pulse, String path, Map<String, String> headers) {
        return Http.get(pulse.service().url(path), headers);
    }
}

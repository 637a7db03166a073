package io.collectivepulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.digest.DigestService;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several Slack workspaces: each installs the app through OAuth and gets its own bot token; a community
 * created in one is joined from another with an invitation code, and each channel is posted to with its own
 * workspace's token.
 */
class SlackInstallationTest {
    private static final String SECRET = "install-signing-secret-0123456789";
    private static final String CLIENT_ID = Installs.CLIENT_ID;
    private static final String CLIENT_SECRET = Installs.CLIENT_SECRET;
    private static final String SECOND = "T0SECOND";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackApp(SECRET, CLIENT_ID, CLIENT_SECRET)
            .env("BASE_URL", "https://pulse.example.org").build();

    private static HttpResponse<String> install(String team, String token) throws Exception {
        return Installs.install(pulse, team, token);
    }

    private static int installations() {
        return pulse.service().count("slack_installation");
    }

    @Test
    void twoWorkspacesInstallTheAppAndShareOneCommunity() throws Exception {
        HttpResponse<String> installed = install(FakeSlackApi.TEAM_ID, "xoxb-first");
        assertThat(installed.statusCode()).isEqualTo(302);
        assertThat(installed.headers().firstValue("Location")).hasValue("https://pulse.example.org/slack/install/done");
        assertThat(install(SECOND, "xoxb-second").statusCode()).isLessThan(400);
        assertThat(installations()).isGreaterThanOrEqualTo(2);

        var anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0FIRST", "U0ANNE", "anne");
        anne.command("/pulse", "lier Deux espaces");
        Matcher code = Pattern.compile("[A-Z0-9]{4}-[A-Z0-9]{4}")
                .matcher(SlackClient.text(anne.command("/pulse", "inviter")));
        assertThat(code.find()).isTrue();
        var bea = pulse.slack().as(SECOND, "C0SECOND", "U0BEA", "bea");
        assertThat(SlackClient.text(bea.command("/pulse", "lier " + code.group()))).contains("Deux espaces");

        bea.command("/signal", "Signal du second espace");
        FakeSlackApi.Call card = pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && SlackClient.text(c.message()).contains("Signal du second espace"), WAIT);
        assertThat(card.params()).containsEntry("channel", "C0SECOND");
        assertThat(card.authorization()).isEqualTo("Bearer xoxb-second");

        long community = pulse.service().jdbi().withHandle(h -> h.createQuery(
                "SELECT community_id FROM channel_link WHERE channel_id = 'C0FIRST'").mapTo(Long.class).one());
        pulse.service().app().scheduler().fireNow(DigestService.KIND, community);
        FakeSlackApi.Call first = pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && "C0FIRST".equals(c.params().get("channel")) && SlackClient.text(c.message()).contains("Deux espaces")
                && SlackClient.text(c.message()).contains("semaine"), WAIT);
        FakeSlackApi.Call second = pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && "C0SECOND".equals(c.params().get("channel")) && SlackClient.text(c.message()).contains("semaine"),
                WAIT);
        assertThat(first.authorization()).isEqualTo("Bearer xoxb-first");
        assertThat(second.authorization()).isEqualTo("Bearer xoxb-second");
    }

    @Test
    void aForgedStateInstallsNothingAndAnUninstalledWorkspaceIsNotServed() throws Exception {
        int before = installations();
        pulse.slackApi().acceptInstallation(CLIENT_ID, CLIENT_SECRET, "code-forged", "T0FORGED", "xoxb-forged");
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                pulse.service().url("/slack/oauth_redirect?code=code-forged&state=made-up"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location")).hasValue("https://pulse.example.org/slack/install/failed");
        assertThat(installations()).isEqualTo(before);

        int communities = pulse.service().count("community");
        var stranger = pulse.slack().as("T0NOTINSTALLED", "C0X", "U0X", "x");
        var response = stranger.send("/pulse", "lier Intrus");
        // Bolt tells the member through the command's response_url that the app is not installed (a call to
        // hooks.slack.com, which fails here): the command is not served, whatever the answer says.
        assertThat(response.statusCode()).isLessThan(500);
        assertThat(response.body()).doesNotContain("Exception", "Intrus");
        assertThat(pulse.service().count("community")).isEqualTo(communities);
    }
}

package io.collectivepulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.i18n.Messages;
import io.collectivepulse.support.PulseService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pages a workspace administrator sees while installing the app: the install page says what each requested
 * scope lets the app do, in French by default and in English when asked; the success and failure pages are ours,
 * in the same two languages, not Bolt's English ones.
 */
class SlackInstallPagesTest {
    private static final String SECRET = "install-pages-signing-secret-0123";

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackApp(SECRET, Installs.CLIENT_ID,
            Installs.CLIENT_SECRET).env("BASE_URL", "https://pulse.example.org").build();

    private static String text(Locale locale, String key) {
        return SlackInstallPages.escape(Messages.of(locale).get(key));
    }

    @Test
    void theInstallPageIsFrenchByDefaultAndExplainsEveryScope() {
        HttpResponse<String> page = Installs.page(pulse, "/slack/install", Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body()).contains("<html lang=\"fr\">", "Installer Collective Pulse dans Slack",
                "alt=\"Ajouter à Slack\"", "href=\"/slack/install/start\"", "Ce que l&#39;application pourra faire",
                "href=\"/slack/install?lang=en\"");
        SlackBridge.BOT_SCOPES.forEach(scope -> assertThat(page.body()).as(scope)
                .contains("<li>" + text(Messages.FRENCH, SlackInstallPages.key(scope)) + "</li>"));
        assertThat(page.body()).doesNotContain("Add to Slack\"", "install.");
    }

    @Test
    void theInstallPageIsInEnglishWhenTheLinkOrTheBrowserAsks() {
        for (var page : new HttpResponse[] {Installs.page(pulse, "/slack/install?lang=en", Map.of()),
                Installs.page(pulse, "/slack/install", Map.of("Accept-Language", "en-GB,en;q=0.9,fr;q=0.5"))}) {
            String body = (String) page.body();
            assertThat(body).contains("<html lang=\"en\">", "Install Collective Pulse in Slack",
                    "alt=\"Add to Slack\"", "What the app will be able to do", "href=\"/slack/install?lang=fr\"");
            SlackBridge.BOT_SCOPES.forEach(scope -> assertThat(body).as(scope)
                    .contains(text(Locale.ENGLISH, SlackInstallPages.key(scope))));
        }
        assertThat(Installs.page(pulse, "/slack/install", Map.of("Accept-Language", "de-DE,fr;q=0.8")).body())
                .contains("Ajouter à Slack");
    }

    @Test
    void aSuccessfulInstallationEndsOnOurPage() throws Exception {
        HttpResponse<String> redirect = Installs.install(pulse, "T0PAGES", "xoxb-pages");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValue("https://pulse.example.org/slack/install/done");
        HttpResponse<String> done = Installs.page(pulse, "/slack/install/done", Map.of());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Collective Pulse est installé", "/pulse aide");
        assertThat(Installs.page(pulse, "/slack/install/done?lang=en", Map.of()).body())
                .contains("Collective Pulse is installed", "/pulse help");
    }

    @Test
    void aForgedStateEndsOnOurFailurePageNotBoltsOops() throws Exception {
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                pulse.service().url("/slack/oauth_redirect?code=code-forged&state=made-up"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.body()).doesNotContain("Oops");
        assertThat(forged.headers().firstValue("Location"))
                .hasValue("https://pulse.example.org/slack/install/failed");
        HttpResponse<String> failed = Installs.page(pulse, "/slack/install/failed", Map.of());
        assertThat(failed.statusCode()).isEqualTo(400);
        assertThat(failed.body()).contains("L&#39;installation n&#39;a pas abouti", "href=\"/slack/install\"")
                .doesNotContain("Oops");
        assertThat(Installs.page(pulse, "/slack/install/failed", Map.of("Accept-Language", "en")).body())
                .contains("The installation did not complete", "Start the installation again");
    }

    @Test
    void aCancelledConsentEndsOnOurFailurePageToo() {
        HttpResponse<String> cancelled = Installs.page(pulse, "/slack/oauth_redirect?error=access_denied&state=x",
                Map.of());
        assertThat(cancelled.statusCode()).isEqualTo(302);
        assertThat(cancelled.headers().firstValue("Location"))
                .hasValue("https://pulse.example.org/slack/install/failed");
    }
}

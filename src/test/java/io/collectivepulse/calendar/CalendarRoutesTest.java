package io.collectivepulse.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The calendars over real HTTP: the announcement's button opens the session's file, a move bumps its SEQUENCE,
 * facilitators get the feed's secret address, a new one revokes the old, and anything unknown is a plain 404.
 */
class CalendarRoutesTest {
    private static final String SECRET = "calendar-signing-secret-0123456789";
    private static final String TOKEN = "xoxb-calendar-token";
    private static final String BASE = "https://pulse.example.org";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern SESSION_FILE = Pattern.compile(Pattern.quote(BASE) + "(/seances/[A-Za-z0-9_-]{22}\\.ics)");
    private static final Pattern FEED = Pattern.compile(Pattern.quote(BASE) + "(/calendrier/[A-Za-z0-9_-]{22}\\.ics)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).env("BASE_URL", BASE).build();

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(pulse.service().url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String path(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("an address in: " + text).isTrue();
        return matcher.group(1);
    }

    @Test
    void theAnnouncementLinksToTheSessionsFileAndTheFeedIsForFacilitatorsWithARevocableAddress() throws Exception {
        var anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0AGENDA", "U0ANNE", "anne");
        anne.command("/pulse", "lier Agendas RH");
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(20);
        anne.command("/seance", "planifier " + day + " 14h 1h30 Atelier agenda | Salle 3");
        FakeSlackApi.Call announcement = pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && SlackClient.text(c.message()).contains("Atelier agenda"), WAIT);
        assertThat(announcement.params().get("blocks")).contains("Ajouter à mon agenda");
        String file = path(SESSION_FILE, announcement.params().get("blocks"));

        HttpResponse<String> ics = get(file);
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        VEvent event = parse(ics.body()).<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertThat(event.<Property>getProperty(Property.SUMMARY).orElseThrow().getValue())
                .isEqualTo("Séance 1 — Atelier agenda");
        assertThat(event.<Property>getProperty(Property.DTSTART).orElseThrow().getValue()).endsWith("T140000");
        assertThat(event.<Property>getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");
        assertThat(event.<Property>getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("Salle 3");

        anne.command("/seance", "deplacer 1 " + day.plusDays(1) + " 15h");
        VEvent moved = parse(get(file).body()).<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertThat(moved.<Property>getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
        assertThat(moved.<Property>getProperty(Property.DTSTART).orElseThrow().getValue()).endsWith("T150000");

        var bob = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0AGENDA", "U0BOB", "bob");
        assertThat(SlackClient.text(bob.command("/pulse", "calendrier"))).contains("Seule l'équipe d'animation");
        String shown = SlackClient.text(anne.command("/pulse", "calendrier"));
        assertThat(shown).contains("webcal://pulse.example.org/calendrier/");
        String feed = path(FEED, shown);
        assertThat(SlackClient.text(anne.command("/pulse", "calendrier"))).contains(feed);
        HttpResponse<String> subscribed = get(feed);
        assertThat(subscribed.statusCode()).isEqualTo(200);
        assertThat(parse(subscribed.body()).getComponents(Component.VEVENT)).hasSize(1);

        String renewed = path(FEED, SlackClient.text(anne.command("/pulse", "calendrier nouveau-lien")));
        assertThat(renewed).isNotEqualTo(feed);
        assertThat(get(renewed).statusCode()).isEqualTo(200);
        HttpResponse<String> revoked = get(feed);
        HttpResponse<String> unknown = get("/calendrier/AAAAAAAAAAAAAAAAAAAAAA.ics");
        HttpResponse<String> malformed = get("/calendrier/' OR 1=1 --.ics".replace(" ", "%20"));
        assertThat(revoked.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(revoked.body()).isEqualTo(unknown.body()).isEqualTo(malformed.body());
        assertThat(get("/seances/AAAAAAAAAAAAAAAAAAAAAA.ics").statusCode()).isEqualTo(404);
    }
}

package io.collectivepulse.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /sondage export <n°>} over signed HTTP and the file over real HTTP: facilitators alone get a link, which
 * gives the file once and for 15 minutes; anything else is one and the same 404. The file, read back with Commons
 * CSV: a byte order mark, accents intact, {@code ;} in French and {@code ,} in English, counts and percentages as the
 * cards show them, names only for a poll that is not anonymous, and no cell a spreadsheet would run as a formula.
 */
class PollExportTest {
    private static final String BASE = "https://pulse.example.org";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(BASE) + "(/exports/[A-Za-z0-9_-]{43})");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String FORMULA = "=cmd|' /C calc'!A0";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot("poll-export-secret-0123456789", "xoxb-export")
            .env("BASE_URL", BASE).mutableClock().build();

    /** The same service without BASE_URL: it cannot give a link. */
    @RegisterExtension
    static final PulseService unaddressed = PulseService.builder()
            .slackBot("poll-export-bare-secret-0123456789", "xoxb-export-bare").build();

    private static PollAccess polls;

    @BeforeAll
    static void access() {
        polls = new PollAccess(pulse.service(), pulse.clock());
    }

    private static String export(SlackClient member, String number) {
        return SlackClient.text(member.command("/sondage", "export " + number));
    }

    private static String link(String answer) {
        Matcher matcher = LINK.matcher(answer);
        assertThat(matcher.find()).as("a link in: " + answer).isTrue();
        return matcher.group(1);
    }

    private static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(pulse.service().url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The file's rows, read as Excel would with {@code delimiter}, after its byte order mark; empty lines left out. */
    private static List<List<String>> rows(byte[] file, char delimiter) throws IOException {
        assertThat(Arrays.copyOf(file, 3)).isEqualTo(BOM);
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        assertThat(text).doesNotStartWith("\uFEFF").contains("\r\n").doesNotContain("\n\n");
        CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(delimiter).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            return parser.getRecords().stream().map(CSVRecord::toList)
                    .filter(row -> !(row.size() == 1 && row.get(0).isEmpty())).toList();
        }
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static long links(Poll poll) {
        return pulse.count("SELECT count(*) FROM poll_export WHERE poll_id = ?", poll.id());
    }

    @Test
    void aFacilitatorsLinkGivesTheFrenchFileOnceWithNamesAndNoFormula() throws Exception {
        pulse.clock().set(ZonedDateTime.of(2026, 12, 2, 9, 30, 0, 0, PARIS).toInstant());
        var anne = pulse.member("C0EXPORT", "U0ANNE");
        anne.command("/pulse", "lier Export RH");
        Poll poll = polls.launched(PollAccess.slackChannel("C0EXPORT"), PollAccess.slackMember("U0ANNE"),
                PollAccess.draft("Où se retrouve-t-on à la rentrée ?",
                        List.of("Café éphémère", FORMULA, "Médiathèque"), false, false, null));
        String id = Long.toString(poll.id());
        var bob = pulse.member("C0EXPORT", "U0BOB");
        bob.press(PollActions.VOTE + 1, id, "1");
        pulse.slack().as(FakeSlackApi.TEAM_ID, "C0EXPORT", "U0ZOE", "zoé").press(PollActions.VOTE + 1, id, "1");
        pulse.slack().as(FakeSlackApi.TEAM_ID, "C0EXPORT", "U0EVE", "=eve").press(PollActions.VOTE + 2, id, "1");

        assertThat(export(bob, "1")).contains("Seule l'équipe d'animation", "Aucun lien");
        assertThat(export(anne, "7")).contains("Il n'y a pas de sondage n° 7");
        assertThat(links(poll)).isZero();
        String answer = export(anne, "1");
        assertThat(answer).contains("Le fichier CSV du sondage n° 1", "une seule fois", "15 minutes");
        String path = link(answer);
        String token = path.substring(path.lastIndexOf('/') + 1);
        // Only the token's SHA-256 is kept: whoever reads the database cannot use the link.
        assertThat(pulse.count("SELECT count(*) FROM poll_export WHERE token_hash = ?",
                MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)))).isEqualTo(1);

        HttpResponse<byte[]> file = get(path);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"sondage-1.csv\"");
        assertThat(file.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(rows(file.body(), ';')).containsExactly(
                List.of("Sondage n° 1", "Où se retrouve-t-on à la rentrée ?"),
                List.of("Nombre de votants", "3"),
                List.of("Anonyme", "non"),
                List.of("Plusieurs réponses possibles", "non"),
                List.of("État", "Ouvert, décompte du mercredi 2 décembre 2026 à 9 h 30"),
                List.of("Réponse", "Votes", "% des votants", "Qui a voté"),
                List.of("Café éphémère", "2", "67", "bob, zoé"),
                List.of("'" + FORMULA, "1", "33", "'=eve"),
                List.of("Médiathèque", "0", "0", ""));

        HttpResponse<byte[]> again = get(path);
        HttpResponse<byte[]> wrong = get("/exports/" + "A".repeat(43));
        HttpResponse<byte[]> malformed = get("/exports/' OR 1=1 --".replace(" ", "%20"));
        assertThat(List.of(again.statusCode(), wrong.statusCode(), malformed.statusCode())).containsOnly(404);
        assertThat(body(again)).isEqualTo(body(wrong)).isEqualTo(body(malformed))
                .contains("Ce lien d'export est inconnu ou a expiré", "This export link is unknown or has expired",
                        "/sondage export");
        assertThat(again.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(again.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void previewsAndHeadLeaveTheLinkAndTwoDownloadsAtOnceGiveOneFile() throws Exception {
        var anne = pulse.member("C0EXPORT2", "U0ANNE");
        anne.command("/pulse", "lier Export simultané");
        PollAccess.typed(pulse, anne, PollAccess.quoted("Quel format ?", "Atelier", "Conférence"));
        String path = link(export(anne, "1"));
        URI uri = URI.create(pulse.service().url(path));
        var head = HTTP.send(HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(405);
        for (String previewer : List.of("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
                "Mozilla/5.0 SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com")) {
            var preview = HTTP.send(HttpRequest.newBuilder(uri).header("User-Agent", previewer).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(preview.statusCode()).as(previewer).isEqualTo(404);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        List<CompletableFuture<HttpResponse<Void>>> downloads = List.of(
                HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()),
                HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()),
                HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
        assertThat(downloads.stream().map(download -> download.join().statusCode()).sorted().toList())
                .containsExactly(200, 404, 404);
    }

    @Test
    void aLinkExpiresAfterFifteenMinutesAndAClosedAnonymousPollInEnglishHasNoNames() throws Exception {
        pulse.clock().set(ZonedDateTime.of(2026, 12, 2, 17, 0, 0, 0, PARIS).toInstant());
        var anne = pulse.member("C0EXPORTEN", "U0ANNE");
        anne.command("/pulse", "lier Export English");
        anne.command("/pulse", "language en");
        Poll poll = polls.launched(PollAccess.slackChannel("C0EXPORTEN"), PollAccess.slackMember("U0ANNE"),
                PollAccess.draft("Which day, Zoë?", List.of("Tuesday, or Wednesday", "Thursday"), true, false, null));
        String id = Long.toString(poll.id());
        pulse.member("C0EXPORTEN", "U0BOB").press(PollActions.VOTE + 1, id, "1");
        pulse.member("C0EXPORTEN", "U0CAROL").press(PollActions.VOTE + 1, id, "1");
        pulse.member("C0EXPORTEN", "U0DAN").press(PollActions.VOTE + 2, id, "1");
        pulse.clock().advance(Duration.ofMinutes(30));
        assertThat(SlackClient.text(anne.command("/sondage", "close 1"))).contains("Poll no. 1 is closed");

        String expired = link(export(anne, "1"));
        pulse.clock().advance(Duration.ofMinutes(16));
        assertThat(get(expired).statusCode()).isEqualTo(404);

        HttpResponse<byte[]> file = get(link(export(anne, "n°1")));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"poll-1.csv\"");
        assertThat(body(file)).doesNotContain("bob", "carol", "dan", "Who voted");
        assertThat(rows(file.body(), ',')).containsExactly(
                List.of("Poll no. 1", "Which day, Zoë?"),
                List.of("Number of voters", "3"),
                List.of("Anonymous", "yes"),
                List.of("Several answers allowed", "no"),
                List.of("Status", "Closed on Wednesday 2 December 2026 at 5:30 pm"),
                List.of("Answer", "Votes", "% of voters"),
                List.of("Tuesday, or Wednesday", "2", "67"),
                List.of("Thursday", "1", "33"));
    }

    @Test
    void withoutBaseUrlTheFacilitatorIsToldWhatTheExportNeeds() {
        var anne = unaddressed.member("C0SANSURL", "U0ANNE");
        anne.command("/pulse", "lier Sans adresse");
        PollAccess.typed(unaddressed, anne, PollAccess.quoted("Quel jour ?", "Mardi", "Jeudi"));
        assertThat(SlackClient.text(anne.command("/sondage", "export 1")))
                .contains("L'export a besoin de l'adresse publique du service (BASE_URL)", "administre le service")
                .doesNotContain("/exports/");
        assertThat(unaddressed.count("SELECT count(*) FROM poll_export")).isZero();
    }
}

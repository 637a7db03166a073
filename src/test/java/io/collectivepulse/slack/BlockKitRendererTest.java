package io.collectivepulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import io.collectivepulse.chat.Card;
import io.collectivepulse.support.BlockKitLimits;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockKitRendererTest {
    private static final Gson GSON = GsonFactory.createSnakeCase();
    private final BlockKitRenderer renderer = new BlockKitRenderer();

    private JsonNode message(Card card) throws Exception {
        String json = "{\"text\":" + GSON.toJson(renderer.fallbackText(card)) + ",\"blocks\":"
                + GSON.toJson(renderer.blocks(card)) + "}";
        return new ObjectMapper().readTree(json);
    }

    @Test
    void escapesEverythingAMemberCouldUseToPingOrHideALink() throws Exception {
        JsonNode message = message(Card.text("<!channel> <@U123> <!subteam^S1> <https://evil.example|ici> & co"));
        String text = message.path("blocks").get(0).path("text").path("text").asText();
        assertThat(text).isEqualTo(
                "&lt;!channel&gt; &lt;@U123&gt; &lt;!subteam^S1&gt; &lt;https://evil.example|ici&gt; &amp; co");
        assertThat(message.path("text").asText()).doesNotContain("<");
    }

    @Test
    void longEscapedTextIsCutWithinLimitsAndNeverInsideAnEntity() throws Exception {
        JsonNode message = message(Card.text("a<".repeat(1000)));
        assertThat(BlockKitLimits.violations(message)).isEmpty();
        String text = message.path("blocks").get(0).path("text").path("text").asText();
        assertThat(text).endsWith("…").hasSizeLessThanOrEqualTo(3000);
        assertThat(text.substring(0, text.length() - 1)).matches("(a&lt;)*a?");
    }

    @Test
    void aHugeCardStaysWithinFiftyBlocksAndKeepsItsFooter() throws Exception {
        var items = IntStream.range(0, 200)
                .mapToObj(i -> new Card.Item("signal " + i, "auteur " + i, List.of("t" + i))).toList();
        JsonNode message = message(new Card("T".repeat(500), items, "pied"));
        assertThat(BlockKitLimits.violations(message)).isEmpty();
        assertThat(message.path("blocks")).hasSizeLessThanOrEqualTo(50);
        JsonNode last = message.path("blocks").get(message.path("blocks").size() - 1);
        assertThat(last.path("elements").get(0).path("text").asText()).isEqualTo("pied");
    }

    @Test
    void mentionsPingOnlyMembersByTheirSlackIdAndNamesStayEscaped() throws Exception {
        var items = IntStream.range(0, 60).mapToObj(i -> Card.Item.of("ligne " + i)).toList();
        var card = new Card("Rappel", items, "pied", List.of(new Card.Mention("U0ANNE", "Anne"),
                new Card.Mention("<!channel>", "<!here> Bob")));
        JsonNode message = message(card);
        assertThat(BlockKitLimits.violations(message)).isEmpty();
        JsonNode blocks = message.path("blocks");
        String mentions = blocks.get(blocks.size() - 3).path("text").path("text").asText();
        assertThat(mentions).isEqualTo("<@U0ANNE> &lt;!here&gt; Bob");
        assertThat(renderer.messages(card)).allSatisfy(part -> assertThat(part).hasSizeLessThanOrEqualTo(50));
        List<?> last = renderer.messages(card).get(renderer.messages(card).size() - 1);
        assertThat(GSON.toJson(last.get(last.size() - 3))).contains("U0ANNE").doesNotContain("!here\\u003e");
    }
}

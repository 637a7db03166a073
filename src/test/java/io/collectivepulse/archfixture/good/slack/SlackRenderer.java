package io.collectivepulse.archfixture.good.slack;

import io.collectivepulse.archfixture.good.chat.Card;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import java.util.List;

/** The Slack adapter draws a card as Block Kit. */
public final class SlackRenderer {
    public List<LayoutBlock> render(Card card) {
        return List.of(SectionBlock.builder().blockId(card.title()).build());
    }
}

package io.collectivepulse.archfixture.bad.signal;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import java.util.List;

/** A feature that draws Block Kit itself instead of a platform-neutral card. */
final class BadSignalCard {
    List<LayoutBlock> blocks(String signalId) {
        return List.of(SectionBlock.builder().blockId(signalId).build());
    }
}

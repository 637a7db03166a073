package io.collectivepulse.slack;

import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Form;
import java.util.List;

/** Lets tests of other packages render cards as Slack would receive them: each message's blocks, as JSON. */
public final class BlockKitRendererAccess {
    private static final Gson GSON = GsonFactory.createSnakeCase();
    private final BlockKitRenderer renderer = new BlockKitRenderer();

    public List<String> messages(Card card) {
        return renderer.messages(card).stream().map(GSON::toJson).toList();
    }

    /** The notification text Slack shows where the blocks cannot be, as sent with them. */
    public String fallbackText(Card card) {
        return renderer.fallbackText(card);
    }

    /** A form as the modal Slack opens ({@code views.open}'s view), as JSON. */
    public String modal(Form form, String metadata) {
        return GSON.toJson(renderer.modal(form, metadata));
    }
}

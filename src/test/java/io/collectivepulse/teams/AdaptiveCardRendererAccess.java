package io.collectivepulse.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Form;

/** Lets tests of other packages render cards as Teams would receive them. */
public final class AdaptiveCardRendererAccess {
    private AdaptiveCardRendererAccess() {
    }

    public static ObjectNode render(Card card) {
        return new AdaptiveCardRenderer().render(card);
    }

    public static ObjectNode render(Form form) {
        return new AdaptiveCardRenderer().render(form);
    }
}

package io.collectivepulse.archfixture.good.teams;

import io.collectivepulse.archfixture.good.chat.Card;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;

/** The Teams adapter draws a card as an Adaptive Card in an activity. */
public final class TeamsRenderer {
    public Activity render(Card card) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("type", "AdaptiveCard").put("title", card.title());
        Activity activity = Activity.createMessageActivity();
        activity.setValue(json);
        return activity;
    }
}

package io.collectivepulse.community;

import io.collectivepulse.chat.Card;
import io.collectivepulse.i18n.Messages;
import java.util.List;

/**
 * What features that plan things in a community's time (the digest, session reminders) hear about it, called after
 * the change is committed, on the thread that made it; and what they add to the facilitators' {@code /pulse etat}.
 */
public interface CommunityListener {
    /** A community was just created, its first channel linked. */
    default void created(Community community) {
    }

    /** Facilitators moved the community to another time zone: what was planned in the old one must move. */
    default void timeZoneChanged(Community community) {
    }

    /** What facilitators should know about the feature's messages in {@code /pulse etat}: nothing by default. */
    default List<Card.Item> status(Community community, Messages messages) {
        return List.of();
    }
}

package io.collectivepulse.teams;

import com.microsoft.bot.schema.Activity;
import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Form;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.router.Router;
import java.util.Map;
import java.util.UUID;

/**
 * Where the bot's answers to a Teams activity go, and where a press is handled. An answer meant for the member alone
 * ({@link Reply#privately}) goes to their private chat with the bot, opened if need be, and the conversation gets
 * nothing; where that chat cannot be opened, it goes in the message's thread, saying so. A private card's buttons
 * name the channel it answers for ({@link PressOrigins}), so that a press in the private chat is handled in that
 * channel's community; so do the cards and forms that answer such a press. Forms asked for in a channel stay there.
 */
final class TeamsAnswers {
    private final Router router;
    private final Outbox outbox;
    private final PressOrigins origins;

    TeamsAnswers(Router router, Outbox outbox, PressOrigins origins) {
        this.router = router;
        this.outbox = outbox;
        this.origins = origins;
    }

    /**
     * A press as the router takes it, with the channel it was signed for when it comes from a private chat (null
     * otherwise, or when its signature does not hold).
     */
    record Pressed(ButtonPress press, ChannelRef origin) {
    }

    /** The press of {@code action} on {@code value} in the activity's conversation, or in the channel it names. */
    Pressed pressed(Activity activity, String action, String value, Map<String, String> fields, String pressId) {
        ChannelRef channel = TeamsChannels.channel(activity);
        Actor actor = TeamsChannels.actor(activity);
        ChannelRef origin = null;
        String own = PressOrigins.own(value);
        if (TeamsChannels.isPersonal(activity)) {
            var signed = origins.read(value, action, channel.workspaceId(), actor.userId());
            if (signed.isPresent()) {
                origin = signed.get().channel();
                own = signed.get().value();
            }
        }
        return new Pressed(new ButtonPress(actor, origin != null ? origin : channel, action, own, fields, pressId),
                origin);
    }

    /** Sends the reply through the outbox, once per activity (see the class). */
    void answer(Activity activity, Reply reply, ChannelRef origin) {
        if (reply.isEmpty()) {
            return;
        }
        ChannelRef here = TeamsChannels.channel(activity);
        String member = TeamsChannels.actor(activity).userId();
        String key = "teams:" + activity.getConversation().getId() + ":"
                + (activity.getId() != null ? activity.getId() : UUID.randomUUID().toString());
        if (reply.form() != null) {
            outbox.reply(here, activity.getId(), stamped(reply.form(), origin, member), key);
        } else if (reply.privately() && !TeamsChannels.isPersonal(activity)) {
            Card notice = withLine(reply.card(), router.messages(here).get("answer.notPrivate.teams"));
            outbox.replyDirect(ChannelRef.direct(TeamsChannels.actor(activity)),
                    origins.stamp(reply.card(), here, member), here, activity.getId(), notice, key);
        } else {
            outbox.reply(here, activity.getId(), stamped(reply.card(), origin, member), key);
        }
    }

    /** The card, its buttons naming {@code origin} when the press it answers came from there (null: as it is). */
    Card stamped(Card card, ChannelRef origin, String member) {
        return origin == null ? card : origins.stamp(card, origin, member);
    }

    /** The form, its submission naming {@code origin} when the press it answers came from there. */
    Form stamped(Form form, ChannelRef origin, String member) {
        return origin == null ? form : origins.stamp(form, origin, member);
    }

    /** The card with one more line in its small print, after what it says there already. */
    private static Card withLine(Card card, String line) {
        String footer = card.footer() == null || card.footer().isBlank() ? line : card.footer() + "\n" + line;
        return new Card(card.title(), card.items(), footer, card.mentions());
    }
}

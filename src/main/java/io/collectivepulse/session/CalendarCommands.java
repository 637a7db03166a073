package io.collectivepulse.session;

import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.router.Request;
import io.collectivepulse.router.Words;

/**
 * {@code /pulse calendrier}, facilitators only: the address of the community's calendar feed, in https and webcal;
 * with {@code nouveau-lien}, a new address that revokes the old one.
 */
final class CalendarCommands {
    private final Calendars calendars;

    CalendarCommands(Calendars calendars) {
        this.calendars = calendars;
    }

    Reply show(Request request, Community community, Messages messages) {
        boolean renew = SessionCommands.NEW_LINK.matches(Words.firstWord(request.argument()));
        Calendars.FeedAddress address = calendars.feedAddress(community, request.actor(), renew);
        if (address instanceof Calendars.FeedAddress.Shown shown) {
            return renew ? request.privately(messages, "session.feed.renewed", shown.https(), shown.webcal())
                    : request.privately(messages, "session.feed.shown", shown.https(), shown.webcal(), request.prefix());
        }
        return request.privately(messages, address instanceof Calendars.FeedAddress.NoBaseUrl
                ? "session.feed.noBaseUrl" : "session.feed.facilitatorsOnly");
    }
}

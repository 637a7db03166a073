package io.collectivepulse.calendar;

import io.collectivepulse.chat.MemberText;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.session.Session;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Source;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Sessions as iCalendar files (RFC 5545): one session, or a community's cycle as a feed that calendar applications
 * subscribe to. Pure functions: the routes find the sessions and serve the text with {@link #MEDIA_TYPE}.
 *
 * <p>Each session is a VEVENT whose UID never changes and whose SEQUENCE grows at every change, so that applications
 * update the event they already have; its times are local to the community's time zone, defined by a VTIMEZONE in
 * the same file (see {@link Zone}), and a reminder an hour before unless it is cancelled. Built with ical4j's model,
 * which escapes commas, semicolons, backslashes and line breaks in what members typed; other control characters are
 * dropped first. No ORGANIZER or ATTENDEE: the bot knows no e-mail address.
 */
public final class SessionCalendar {
    /** How to serve both files: METHOD:PUBLISH inside asks for the same method in the media type (RFC 5545, 3.7.2). */
    public static final String MEDIA_TYPE = "text/calendar; charset=utf-8; method=PUBLISH";

    private static final String UID_DOMAIN = "@collective-pulse";
    private static final Duration REMINDER = Duration.ofHours(1);

    private SessionCalendar() {
    }

    /**
     * One session as a calendar file ({@code GET /seances/{publicId}.ics}).
     *
     * @param description the agenda, plain text, or empty for none
     * @param sessionUrl  the address this file is served at, written as the calendar's SOURCE (RFC 7986) so that an
     *                    application can fetch the session again once it has moved; empty to leave it out
     * @throws IllegalArgumentException when the session is not one of the community's
     */
    public static String event(Session session, Community community, String description, Optional<URI> sessionUrl) {
        Messages messages = Messages.of(community.locale());
        Zone zone = Zone.of(community.timeZone());
        Calendar calendar = calendar(messages);
        sessionUrl.ifPresent(url -> calendar.add(new Source(new ParameterList(), url.toString())));
        zone.definition().ifPresent(calendar::add);
        calendar.add(event(session, community, zone, messages, description));
        return ContentLines.fold(calendar.toString());
    }

    /**
     * A subscription feed with every session of the community's cycle ({@code GET /calendrier/{token}.ics}), cancelled
     * ones included with STATUS:CANCELLED, in the order given. Named after the community (X-WR-CALNAME); its time zone
     * is defined (X-WR-TIMEZONE and its VTIMEZONE) even before the first session, so that the file holds a component.
     *
     * @param description the agenda of a session, plain text, or empty for none
     * @throws IllegalArgumentException when a session is not one of the community's
     */
    public static String feed(Community community, List<Session> sessions, Function<Session, String> description) {
        Messages messages = Messages.of(community.locale());
        Zone zone = Zone.of(community.timeZone());
        Calendar calendar = calendar(messages);
        calendar.add(new XProperty("X-WR-CALNAME", line(community.name())));
        zone.definition().ifPresent(definition -> {
            calendar.add(new XProperty("X-WR-TIMEZONE", zone.id().getId()));
            calendar.add(definition);
        });
        for (Session session : sessions) {
            calendar.add(event(session, community, zone, messages, description.apply(session)));
        }
        return ContentLines.fold(calendar.toString());
    }

    private static Calendar calendar(Messages messages) {
        String language = messages.locale().getLanguage().toUpperCase(Locale.ROOT);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Collective Pulse//Sessions//" + language));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        return calendar;
    }

    private static VEvent event(Session session, Community community, Zone zone, Messages messages,
                                String description) {
        if (session.communityId() != community.id()) {
            throw new IllegalArgumentException("session " + session.id() + " belongs to community "
                    + session.communityId() + ", not " + community.id());
        }
        String summary = summary(session, messages);
        // Without false, ical4j stamps the event with the current time: DTSTAMP is when the session last changed.
        VEvent event = new VEvent(false);
        event.add(new Uid(session.publicId() + UID_DOMAIN));
        event.add(new DtStamp(session.updatedAt()));
        event.add(new DtStart<>(zone.at(session.startsAt())));
        if (session.duration().compareTo(Duration.ZERO) > 0) {
            event.add(new DtEnd<>(zone.at(session.endsAt())));
        }
        event.add(new Summary(summary));
        present(line(session.place())).ifPresent(place -> event.add(new Location(place)));
        videoCall(session.link()).ifPresent(link -> event.add(new Url(link)));
        present(paragraphs(description)).ifPresent(agenda -> event.add(new Description(agenda)));
        event.add(new Sequence(session.sequence()));
        event.add(session.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        if (!session.cancelled()) {
            // Some applications still show a cancelled event, and would remind members of it.
            event.add(reminder(summary));
        }
        return event;
    }

    /** "Séance 3 — Title", or "Séance 3" when the title is blank. */
    private static String summary(Session session, Messages messages) {
        String number = Integer.toString(session.number());
        String title = line(session.title());
        return title.isEmpty()
                ? messages.get("calendar.summaryUntitled", number)
                : messages.get("calendar.summary", number, title);
    }

    private static VAlarm reminder(String summary) {
        VAlarm alarm = new VAlarm(REMINDER.negated());
        alarm.add(ImmutableAction.DISPLAY);
        alarm.add(new Description(summary));
        return alarm;
    }

    /** The video call's address, when it is an absolute http(s) URI: any other link would lead nowhere, or worse. */
    private static Optional<URI> videoCall(String link) {
        if (link == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(link.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("https") || scheme.equals("http");
            return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Member text on one line: line breaks and tabs become spaces, other control characters go. */
    private static String line(String text) {
        return MemberText.clean(text).replace('\n', ' ').replace('\t', ' ');
    }

    /** Member text in paragraphs: line breaks are kept (ical4j writes them as \n), tabs become spaces. */
    private static String paragraphs(String text) {
        return MemberText.clean(text).replace('\t', ' ');
    }

    private static Optional<String> present(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}

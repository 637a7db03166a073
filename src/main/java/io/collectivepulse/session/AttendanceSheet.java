package io.collectivepulse.session;

import io.collectivepulse.chat.Actor;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who answered a session's announcement, numbered from 1 in alphabetical order, each with their answer and whether
 * they came: as a facilitator recorded it ({@code recorded}), otherwise those who said they would.
 */
record AttendanceSheet(Session session, List<Attendee> attendees, boolean recorded) {
    record Attendee(Actor member, Answer.Choice answer, boolean present) {
    }

    AttendanceSheet {
        attendees = List.copyOf(attendees);
    }

    /** The sheet of {@code answers}, with the presence recorded for each member (by {@link #key}) if any. */
    static AttendanceSheet of(Session session, List<Answer> answers, Map<String, Boolean> recorded, Locale locale) {
        Comparator<Answer> byName = Comparator.comparing(a -> a.member().displayName(), Collator.getInstance(locale));
        List<Attendee> attendees = answers.stream().sorted(byName.thenComparing(a -> key(a.member())))
                .map(a -> new Attendee(a.member(), a.choice(), recorded.isEmpty() ? a.choice() == Answer.Choice.YES
                        : recorded.getOrDefault(key(a.member()), false)))
                .toList();
        return new AttendanceSheet(session, attendees, !recorded.isEmpty());
    }

    /**
     * Names the list as it was numbered: a form submitted after someone else answered (the numbers moved) is told
     * apart from one that matches what it showed.
     */
    String version() {
        return Integer.toHexString(attendees.stream().map(a -> key(a.member())).toList().hashCode());
    }

    static String key(Actor member) {
        return member.platform().id() + ":" + member.workspaceId() + ":" + member.userId();
    }
}

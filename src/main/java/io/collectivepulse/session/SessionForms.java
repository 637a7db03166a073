package io.collectivepulse.session;

import io.collectivepulse.chat.Form;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * The session form: {@code /seance planifier} on its own opens it empty, {@code /seance modifier <n°>} filled in.
 * Its date, time and duration are read by {@link SessionWhen} as if typed in one line, so that the form accepts
 * and refuses exactly what the command does; each refusal is shown next to its field.
 */
final class SessionForms {
    static final String CREATE = "session.create";
    static final String SAVE = "session.save";
    static final String TITLE = "title";
    static final String DATE = "date";
    static final String TIME = "time";
    static final String DURATION = "duration";
    static final String WHERE = "where";
    static final String GUEST = "guest";
    static final String NOTES = "notes";
    static final int MAX_GUEST = 150;
    static final int MAX_NOTES = 2000;

    private SessionForms() {
    }

    static Form create(Messages messages) {
        return form(messages, "session.form.title", CREATE, "", Map.of());
    }

    /** The form of session {@code session}, filled in with what it is now, times in the community's zone. */
    static Form edit(Messages messages, Community community, Session session) {
        ZonedDateTime start = session.startsAt().atZone(community.timeZone());
        String where = session.link() != null ? session.link() : session.place();
        return form(messages, "session.form.editTitle", SAVE, Long.toString(session.id()), Map.of(
                TITLE, session.title(), DATE, start.toLocalDate().toString(),
                TIME, "%dh%02d".formatted(start.getHour(), start.getMinute()),
                DURATION, "%dh%02d".formatted(session.duration().toHours(), session.duration().toMinutesPart()),
                WHERE, where == null ? "" : where, GUEST, session.guest() == null ? "" : session.guest(),
                NOTES, session.notes() == null ? "" : session.notes()));
    }

    private static Form form(Messages messages, String titleKey, String action, String value,
                             Map<String, String> initial) {
        return new Form(messages.get(titleKey), messages.get("session.form.submit"), action, value, List.of(
                field(messages, TITLE, initial, false, PlanText.MAX_TITLE, false),
                field(messages, DATE, initial, false, 40, false),
                field(messages, TIME, initial, false, 20, false),
                field(messages, DURATION, initial, false, 20, true),
                field(messages, WHERE, initial, false, 500, true),
                field(messages, GUEST, initial, false, MAX_GUEST, true),
                field(messages, NOTES, initial, true, MAX_NOTES, true)));
    }

    private static Form.Field field(Messages messages, String id, Map<String, String> initial, boolean multiline,
                                    int max, boolean optional) {
        String value = initial.get(id);
        String label = messages.get("session.form." + (id.equals(TITLE) ? "titleField" : id));
        return new Form.Field(id, label, messages.get("session.form." + id + "Hint"),
                value == null || value.isEmpty() ? null : value, multiline, max, optional);
    }

    /** The field a refusal of {@link SessionWhen} ({@code session.when.*} or the shared {@code when.*}) is about. */
    static String fieldOf(String key) {
        String rest = key.replaceFirst("^(session\\.)?when\\.", "");
        if (rest.startsWith("date") || rest.startsWith("dst")) {
            return DATE;
        }
        if (rest.startsWith("time")) {
            return TIME;
        }
        if (rest.startsWith("duration")) {
            return DURATION;
        }
        if (rest.startsWith("link") || rest.startsWith("place")) {
            return WHERE;
        }
        return TITLE;
    }
}

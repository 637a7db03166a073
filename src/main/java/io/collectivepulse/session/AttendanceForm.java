package io.collectivepulse.session;

import io.collectivepulse.chat.Form;
import io.collectivepulse.chat.MemberText;
import io.collectivepulse.i18n.Messages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The attendance form of {@code /seance présence <n°>}: the members who answered the announcement, numbered, and one
 * field with the numbers of those who came, filled in with what is recorded now. Forms have text fields only, on
 * both platforms, hence numbers rather than a box per member.
 */
final class AttendanceForm {
    static final String SAVE = "session.attendance";
    static final String PRESENT = "present";
    static final int MAX_LENGTH = 1000;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final Pattern NUMBER = Pattern.compile("(?:n°|#)?(\\d{1,6})\\.?");
    /** How much of something that is not a number the refusal quotes. */
    private static final int QUOTED = 30;

    private AttendanceForm() {
    }

    static Form of(Messages messages, AttendanceSheet sheet) {
        List<String> members = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (int i = 0; i < sheet.attendees().size(); i++) {
            AttendanceSheet.Attendee attendee = sheet.attendees().get(i);
            members.add(messages.get("session.attendance.form.member", i + 1, attendee.member().displayName(),
                    messages.get("session.attendance.form." + attendee.answer().name().toLowerCase(Locale.ROOT))));
            if (attendee.present()) {
                present.add(Integer.toString(i + 1));
            }
        }
        var field = new Form.Field(PRESENT, messages.get("session.attendance.form.present", String.join(", ", members)),
                messages.get("session.attendance.form.presentHint"),
                present.isEmpty() ? null : String.join(", ", present), false, MAX_LENGTH, true);
        return new Form(messages.get("session.attendance.form.title", sheet.session().number()),
                messages.get("session.attendance.form.submit"), SAVE, value(sheet), List.of(field));
    }

    /** {@code <session id>:<version of the list>}: what the submission applies to, and the list it numbered. */
    private static String value(AttendanceSheet sheet) {
        return sheet.session().id() + ":" + sheet.version();
    }

    /** The numbers typed (separated by commas, spaces or semicolons), or the refusal of the first that is not one. */
    static SessionWhen.Parsed<Set<Integer>> numbers(String typed) {
        Set<Integer> numbers = new LinkedHashSet<>();
        for (String token : SEPARATORS.split(MemberText.clean(typed))) {
            if (token.isEmpty()) {
                continue;
            }
            var matcher = NUMBER.matcher(token);
            if (!matcher.matches()) {
                String quoted = token.codePoints().limit(QUOTED)
                        .mapToObj(Character::toString).collect(Collectors.joining());
                return new SessionWhen.Parsed.Refused<>("session.attendance.notANumber", List.of(quoted));
            }
            numbers.add(Integer.parseInt(matcher.group(1)));
        }
        return new SessionWhen.Parsed.Ok<>(numbers);
    }
}

package io.collectivepulse.session;

import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.router.Request;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /seance présence <n°>}, facilitators only, once the session has started: the attendance form, and its
 * submission, recorded all at once or refused next to its field; and {@code /seance bilan}, the cycle's review that
 * counts it.
 */
final class AttendanceCommands {
    /** Refusals shown next to the field: what was typed does not fit the list the form showed. */
    private static final Set<String> FIELD_REFUSALS = Set.of(Attendance.CHANGED, Attendance.UNKNOWN_NUMBER);

    private final Attendance attendance;

    AttendanceCommands(Attendance attendance) {
        this.attendance = attendance;
    }

    /** {@code /seance bilan}: the cycle's review, privately. */
    Reply review(Request request, Community community, Messages messages) {
        return attendance.review(community, request.actor())
                .map(review -> review.lines().isEmpty()
                        ? request.privately(messages, "session.list.empty", request.prefix())
                        : Reply.privately(SessionCards.review(messages, community, review)))
                .orElseGet(() -> request.privately(messages, "session.review.facilitatorsOnly"));
    }

    Reply show(Request request, Community community, Messages messages) {
        Optional<Integer> number = SessionCommands.number(request.argument());
        if (number.isEmpty()) {
            return request.privately(messages, "session.usage.attendance", request.prefix());
        }
        Facilitated<AttendanceSheet> sheet = attendance.attendanceSheet(community, request.actor(), number.get());
        if (sheet instanceof Facilitated.Done<AttendanceSheet> done) {
            return Reply.form(AttendanceForm.of(messages, done.value()), Card.text(messages.get(
                    "session.attendance.form.unavailable", request.prefix(), number.get())));
        }
        return SessionCommands.refused((Facilitated.Refused<?>) sheet, messages, request.prefix());
    }

    /** The form submitted: the value is {@code <session id>:<version of the list>}. */
    Reply submit(ButtonPress press, Community community, Messages messages) {
        String prefix = press.channel().platform().commandPrefix();
        String[] value = press.value().split(":", 2);
        long id = SessionCommands.id(value[0]);
        if (id < 0 || value.length < 2) {
            return Reply.privately(Card.text(messages.get("action.unknown")));
        }
        SessionWhen.Parsed<Set<Integer>> typed = AttendanceForm.numbers(press.field(AttendanceForm.PRESENT));
        if (typed instanceof SessionWhen.Parsed.Refused<Set<Integer>> refused) {
            return Reply.fieldErrors(Map.of(AttendanceForm.PRESENT, messages.get(refused.key(),
                    refused.args().toArray())));
        }
        Set<Integer> present = ((SessionWhen.Parsed.Ok<Set<Integer>>) typed).value();
        Facilitated<AttendanceSheet> recorded = attendance.recordAttendance(community, press.actor(), id, value[1],
                present);
        if (recorded instanceof Facilitated.Done<AttendanceSheet> done) {
            AttendanceSheet sheet = done.value();
            long came = sheet.attendees().stream().filter(AttendanceSheet.Attendee::present).count();
            return Reply.privately(Card.text(messages.get("session.attendance.recorded", came,
                    sheet.session().number(), sheet.attendees().size(), prefix)));
        }
        Facilitated.Refused<?> refused = (Facilitated.Refused<?>) recorded;
        return FIELD_REFUSALS.contains(refused.key())
                ? Reply.fieldErrors(Map.of(AttendanceForm.PRESENT, SessionCommands.refusal(refused, messages, prefix)))
                : SessionCommands.refused(refused, messages, prefix);
    }
}

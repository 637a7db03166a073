package io.collectivepulse.session;

import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.when.ResolvedTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The session form submitted ({@code /seance planifier} alone, {@code /seance modifier <n°>}): read as the one-line
 * command is, then the session planned or changed; or each refusal next to its field.
 */
final class SessionFormCommands {
    private final Planning planning;

    SessionFormCommands(Planning planning) {
        this.planning = planning;
    }

    /** A submitted session form: planned or changed, or its refusals next to their fields. */
    Reply submit(ButtonPress press, Community community, Messages messages) {
        return drafted(press, community, messages, draft -> {
            Planned done = press.action().equals(SessionForms.SAVE)
                    ? planning.edit(community, press.actor(), SessionCommands.id(press.value()), draft)
                    : planning.plan(community, press.actor(), List.of(draft));
            if (done instanceof Planned.Done) {
                return Reply.none();
            }
            if (done instanceof Planned.InThePast) {
                return Reply.fieldErrors(Map.of(SessionForms.DATE, messages.get("session.inThePast")));
            }
            return Reply.privately(Card.text(messages.get(done instanceof Planned.FacilitatorsOnly
                    ? "session.facilitatorsOnly" : "session.answer.notFound")));
        });
    }

    /** The session the form describes, given to {@code then}; or the first refusal, next to its field. */
    private Reply drafted(ButtonPress press, Community community, Messages messages, Function<Draft, Reply> then) {
        SessionWhen.Parsed<SessionWhen.Plan> parsed = SessionWhen.plan(line(press), planning.today(community));
        if (parsed instanceof SessionWhen.Parsed.Refused<SessionWhen.Plan> refused) {
            List<Object> args = new ArrayList<>(refused.args());
            args.add(press.channel().platform().commandPrefix());
            return Reply.fieldErrors(Map.of(SessionForms.fieldOf(refused.key()),
                    messages.get(refused.key(), args.toArray())));
        }
        String guest = press.field(SessionForms.GUEST).strip();
        String notes = press.field(SessionForms.NOTES).strip();
        if (guest.length() > SessionForms.MAX_GUEST || notes.length() > SessionForms.MAX_NOTES) {
            return tooLong(guest, notes, messages);
        }
        SessionWhen.Plan plan = ((SessionWhen.Parsed.Ok<SessionWhen.Plan>) parsed).value();
        SessionWhen.Parsed<ResolvedTime> resolved = SessionWhen.resolve(plan.date(), plan.time(),
                community.timeZone());
        if (resolved instanceof SessionWhen.Parsed.Refused<ResolvedTime> refused) {
            return Reply.fieldErrors(Map.of(SessionForms.TIME, messages.get(refused.key(), refused.args().toArray())));
        }
        return then.apply(new Draft(plan.title(), ((SessionWhen.Parsed.Ok<ResolvedTime>) resolved).value()
                .at().toInstant(), plan.duration(), plan.place(), plan.link(), guest.isEmpty() ? null : guest,
                notes.isEmpty() ? null : notes));
    }

    /** The form's date, time, duration, title and place as one line, as {@code /seance planifier} reads it. */
    private static String line(ButtonPress press) {
        String where = press.field(SessionForms.WHERE).strip();
        return String.join(" ", press.field(SessionForms.DATE).strip(), press.field(SessionForms.TIME).strip(),
                press.field(SessionForms.DURATION).strip(), press.field(SessionForms.TITLE).strip())
                + (where.isEmpty() ? "" : " | " + where);
    }

    /** The refusal of a guest or notes field too long (the guest's first), next to that field. */
    private static Reply tooLong(String guest, String notes, Messages messages) {
        boolean guestTooLong = guest.length() > SessionForms.MAX_GUEST;
        return Reply.fieldErrors(Map.of(guestTooLong ? SessionForms.GUEST : SessionForms.NOTES,
                messages.get("session.form.tooLong", guestTooLong ? guest.length() : notes.length(),
                        guestTooLong ? SessionForms.MAX_GUEST : SessionForms.MAX_NOTES)));
    }
}

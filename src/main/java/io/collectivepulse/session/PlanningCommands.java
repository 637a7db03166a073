package io.collectivepulse.session;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.router.Request;
import io.collectivepulse.when.ResolvedTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The facilitators' planning commands: {@code /seance planifier} one session (alone, the session form), plan a
 * whole {@code cycle}, {@code déplacer}, {@code modifier} (the form, filled in), {@code rappeler} or {@code annuler}
 * one.
 */
final class PlanningCommands {
    private final Planning planning;

    PlanningCommands(Planning planning) {
        this.planning = planning;
    }

    Reply plan(Request request, Community community, Messages messages) {
        if (request.argument().isBlank()) {
            return Reply.form(SessionForms.create(messages),
                    Card.text(messages.get("session.form.unavailable", request.prefix())));
        }
        SessionWhen.Parsed<SessionWhen.Plan> parsed = SessionWhen.plan(request.argument(), planning.today(community));
        if (parsed instanceof SessionWhen.Parsed.Refused<SessionWhen.Plan> refused) {
            return refusal(request, messages, refused);
        }
        SessionWhen.Plan plan = ((SessionWhen.Parsed.Ok<SessionWhen.Plan>) parsed).value();
        return at(plan.date(), plan.time(), community, request, messages, start -> planned(request, messages,
                planning.plan(community, request.actor(), List.of(new Draft(plan.title(), start.toInstant(),
                        plan.duration(), plan.place(), plan.link(), null, null)))));
    }

    Reply cycle(Request request, Community community, Messages messages) {
        SessionWhen.Parsed<SessionWhen.Cycle> parsed = SessionWhen.cycle(request.argument(),
                planning.today(community));
        if (parsed instanceof SessionWhen.Parsed.Refused<SessionWhen.Cycle> refused) {
            return refusal(request, messages, refused);
        }
        SessionWhen.Cycle cycle = ((SessionWhen.Parsed.Ok<SessionWhen.Cycle>) parsed).value();
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < cycle.count(); i++) {
            LocalDate date = cycle.first().plusWeeks((long) i * cycle.everyWeeks());
            SessionWhen.Parsed<ResolvedTime> resolved = SessionWhen.resolve(date, cycle.time(),
                    community.timeZone());
            if (resolved instanceof SessionWhen.Parsed.Refused<ResolvedTime> refused) {
                return refusal(request, messages, refused);
            }
            drafts.add(new Draft(messages.get("session.cycle.title"),
                    ((SessionWhen.Parsed.Ok<ResolvedTime>) resolved).value().at().toInstant(),
                    cycle.duration(), null, null, null, null));
        }
        return planned(request, messages, planning.plan(community, request.actor(), drafts));
    }

    Reply move(Request request, Community community, Messages messages) {
        SessionWhen.Parsed<SessionWhen.Move> parsed = SessionWhen.move(request.argument(), planning.today(community));
        if (parsed instanceof SessionWhen.Parsed.Refused<SessionWhen.Move> refused) {
            return refusal(request, messages, refused);
        }
        SessionWhen.Move move = ((SessionWhen.Parsed.Ok<SessionWhen.Move>) parsed).value();
        return at(move.date(), move.time(), community, request, messages, start -> {
            Planned moved = planning.move(community, request.actor(), move.number(), start.toInstant());
            return moved instanceof Planned.Done
                    ? request.privately(messages, "session.moved", move.number(),
                            SessionWhen.dateTime(start, messages.locale()))
                    : planned(request, messages, moved);
        });
    }

    Reply edit(Request request, Community community, Messages messages) {
        Optional<Integer> number = SessionCommands.number(request.argument());
        if (number.isEmpty()) {
            return request.privately(messages, "session.usage.edit", request.prefix());
        }
        Planned found = planning.toEdit(community, request.actor(), number.get());
        if (found instanceof Planned.Done done) {
            return Reply.form(SessionForms.edit(messages, community, done.sessions().get(0)),
                    Card.text(messages.get("session.form.unavailableEdit", request.prefix())));
        }
        return planned(request, messages, found);
    }

    Reply recall(Request request, Community community, Messages messages) {
        return numbered(request, messages, "session.usage.recall", "session.recalled",
                number -> planning.recall(community, request.actor(), number));
    }

    Reply cancel(Request request, Community community, Messages messages) {
        return numbered(request, messages, "session.usage.cancel", "session.cancelledDone",
                number -> planning.cancel(community, request.actor(), number));
    }

    /** A sub-command on session {@code <n°>}: the usage when there is no number, else what the change said. */
    private static Reply numbered(Request request, Messages messages, String usageKey, String doneKey,
                                  Function<Integer, Planned> change) {
        Optional<Integer> number = SessionCommands.number(request.argument());
        if (number.isEmpty()) {
            return request.privately(messages, usageKey, request.prefix());
        }
        Planned planned = change.apply(number.get());
        return planned instanceof Planned.Done
                ? request.privately(messages, doneKey, number.get())
                : planned(request, messages, planned);
    }

    private static Reply planned(Request request, Messages messages, Planned planned) {
        if (planned instanceof Planned.Done done) {
            return request.privately(messages, "session.planned", done.sessions().size());
        }
        if (planned instanceof Planned.NotFound notFound) {
            return request.privately(messages, "session.notFound", notFound.number(), request.prefix());
        }
        if (planned instanceof Planned.AlreadyCancelled cancelled) {
            return request.privately(messages, "session.alreadyCancelled", cancelled.session().number());
        }
        return request.privately(messages, planned instanceof Planned.InThePast
                ? "session.inThePast" : "session.facilitatorsOnly");
    }

    /** The local date and time resolved in the community's zone, or why not (a time that does not exist). */
    private static Reply at(LocalDate date, LocalTime time, Community community, Request request, Messages messages,
                            Function<ZonedDateTime, Reply> then) {
        SessionWhen.Parsed<ResolvedTime> resolved = SessionWhen.resolve(date, time, community.timeZone());
        if (resolved instanceof SessionWhen.Parsed.Refused<ResolvedTime> refused) {
            return refusal(request, messages, refused);
        }
        return then.apply(((SessionWhen.Parsed.Ok<ResolvedTime>) resolved).value().at());
    }

    /** The refusal's message; the command prefix ({@code /} on Slack) comes after its own arguments. */
    private static Reply refusal(Request request, Messages messages, SessionWhen.Parsed.Refused<?> refused) {
        List<Object> args = new ArrayList<>(refused.args());
        args.add(request.prefix());
        return Reply.privately(Card.text(messages.get(refused.key(), args.toArray())));
    }
}

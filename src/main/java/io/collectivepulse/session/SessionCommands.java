package io.collectivepulse.session;

import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityCommands;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.router.CommandEntry.Flag;
import io.collectivepulse.router.CommandHandler;
import io.collectivepulse.router.Feature;
import io.collectivepulse.router.PressHandler;
import io.collectivepulse.router.Registry;
import io.collectivepulse.router.Request;
import io.collectivepulse.router.Router;
import io.collectivepulse.router.Words;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /seance}: alone, the sessions to come with my answer; facilitators {@code planifier} one session,
 * plan a whole {@code cycle}, {@code deplacer} or {@code annuler} one, edit its {@code ordre-du-jour} and record its
 * {@code présence}; and the answer buttons of announcements.
 */
public final class SessionCommands implements Feature {
    static final String SESSION = "seance";
    static final Words PLAN = Words.of("planifier", "plan");
    static final Words CYCLE = Words.of("cycle", "cycle");
    static final Words MOVE = Words.of("déplacer", "move");
    static final Words CANCEL = Words.of("annuler", "cancel");
    static final Words EDIT = Words.of("modifier", "edit");
    static final Words RECALL = Words.of("rappeler", "remind");
    static final Words REVIEW = Words.of("bilan", "review");
    static final Words REMINDERS = Words.of("rappels", "reminders");
    static final Words OFF = Words.of("off", "off", "aucun", "none");
    static final Words CALENDAR = Words.of("calendrier", "calendar");
    static final Words NEW_LINK = Words.of("nouveau-lien", "new-link");
    static final Words AGENDA = Words.of("ordre-du-jour", "agenda");
    /** {@code presence} without its accent matches too: words are compared without accents. */
    static final Words ATTENDANCE = Words.of("présence", "attendance");

    private final CommunityService communities;
    private final SessionService sessions;
    private final AnswerCommands answers;
    private final AgendaCommands agenda;
    private final AttendanceCommands attendance;
    private final ReminderCommands reminders;
    private final CalendarCommands calendar;

    public SessionCommands(CommunityService communities, SessionService sessions) {
        this.communities = communities;
        this.sessions = sessions;
        this.answers = new AnswerCommands(sessions.answers());
        this.agenda = new AgendaCommands(sessions.agendas());
        this.attendance = new AttendanceCommands(sessions.attendance());
        this.reminders = new ReminderCommands(sessions.reminders());
        this.calendar = new CalendarCommands(sessions.calendars());
    }

    @Override
    public void register(Registry registry) {
        registry.root(SESSION, Words.of(SESSION, "session", "séance"))
                .otherwise(SESSION, "help.session", linked(answers::list), Flag.TEAMS_MENU)
                .command(SESSION, PLAN, "help.session.plan", linked(this::plan), Flag.FACILITATORS)
                .command(SESSION, CYCLE, "help.session.cycle", linked(this::cycle), Flag.FACILITATORS)
                .command(SESSION, MOVE, "help.session.move", linked(this::move), Flag.FACILITATORS)
                .command(SESSION, CANCEL, "help.session.cancel", linked(this::cancel), Flag.FACILITATORS)
                .command(SESSION, EDIT, "help.session.edit", linked(this::edit), Flag.FACILITATORS)
                .command(SESSION, RECALL, "help.session.recall", linked(this::recall), Flag.FACILITATORS)
                .command(SESSION, REVIEW, "help.session.review", linked(attendance::review), Flag.FACILITATORS)
                .command(SESSION, AGENDA, "help.session.agenda", linked(agenda::show), Flag.FACILITATORS)
                .command(SESSION, ATTENDANCE, "help.session.attendance", linked(attendance::show),
                        Flag.FACILITATORS)
                .command(Router.DEFAULT_ROOT, REMINDERS, "help.reminders", linked(reminders::handle), Flag.FACILITATORS)
                .command(Router.DEFAULT_ROOT, CALENDAR, "help.calendar", linked(calendar::show), Flag.FACILITATORS)
                .buttons(SessionActions.PREFIX, this::press)
                .form(SessionForms.CREATE, this::submit)
                .form(SessionForms.SAVE, this::submit)
                .form(AttendanceForm.SAVE, pressed(attendance::submit));
    }

    private interface InCommunity {
        Reply handle(Request request, Community community, Messages messages);
    }

    /** A button pressed or a form submitted in a channel linked to a community. */
    private interface PressedInCommunity {
        Reply handle(ButtonPress press, Community community, Messages messages);
    }

    private PressHandler pressed(PressedInCommunity handler) {
        return press -> {
            Optional<Community> found = communities.findByChannel(press.channel());
            Messages messages = communities.messages(found);
            return found.isEmpty() ? Reply.privately(Card.text(messages.get("session.notLinked",
                    press.channel().platform().commandPrefix()))) : handler.handle(press, found.get(), messages);
        };
    }

    private CommandHandler linked(InCommunity handler) {
        return CommunityCommands.linked(communities,
                (request, community) -> handler.handle(request, community, Messages.of(community.locale())));
    }

    private Reply plan(Request request, Community community, Messages messages) {
        if (request.argument().isBlank()) {
            return Reply.form(SessionForms.create(messages),
                    Card.text(messages.get("session.form.unavailable", request.prefix())));
        }
        SessionWhen.Parsed<SessionWhen.Plan> parsed = SessionWhen.plan(request.argument(), sessions.planning().today(community));
        if (parsed instanceof SessionWhen.Parsed.Refused<SessionWhen.Plan> refused) {
            return refusal(request, messages, refused);
        }
        SessionWhen.Plan plan = ((SessionWhen.Parsed.Ok<SessionWhen.Plan>) parsed).value();
        return at(plan.date(), plan.time(), community, request, messages, start -> planned(request, messages,
                sessions.planning().plan(community, request.actor(), List.of(new Draft(plan.title(), start.toInstant(),
                        plan.duration(), plan.place(), plan.link(), null, null)))));
    }

    private Reply cycle(Request request, Community community, Messages messages) {
        SessionWhen.Parsed<SessionWhen.Cycle> parsed = SessionWhen.cycle(request.argument(),
                sessions.planning().today(community));
        if (parsed instanceof SessionWhen.Parsed.Refused<SessionWhen.Cycle> refused) {
            return refusal(request, messages, refused);
        }
        SessionWhen.Cycle cycle = ((SessionWhen.Parsed.Ok<SessionWhen.Cycle>) parsed).value();
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < cycle.count(); i++) {
            LocalDate date = cycle.first().plusWeeks((long) i * cycle.everyWeeks());
            SessionWhen.Parsed<SessionWhen.Resolved> resolved = SessionWhen.resolve(date, cycle.time(),
                    community.timeZone());
            if (resolved instanceof SessionWhen.Parsed.Refused<SessionWhen.Resolved> refused) {
                return refusal(request, messages, refused);
            }
            drafts.add(new Draft(messages.get("session.cycle.title"),
                    ((SessionWhen.Parsed.Ok<SessionWhen.Resolved>) resolved).value().at().toInstant(),
                    cycle.duration(), null, null, null, null));
        }
        return planned(request, messages, sessions.planning().plan(community, request.actor(), drafts));
    }

    private Reply move(Request request, Community community, Messages messages) {
        SessionWhen.Parsed<SessionWhen.Move> parsed = SessionWhen.move(request.argument(), sessions.planning().today(community));
        if (parsed instanceof SessionWhen.Parsed.Refused<SessionWhen.Move> refused) {
            return refusal(request, messages, refused);
        }
        SessionWhen.Move move = ((SessionWhen.Parsed.Ok<SessionWhen.Move>) parsed).value();
        return at(move.date(), move.time(), community, request, messages, start -> {
            Planned moved = sessions.planning().move(community, request.actor(), move.number(), start.toInstant());
            return moved instanceof Planned.Done
                    ? request.privately(messages, "session.moved", move.number(),
                            SessionWhen.dateTime(start, messages.locale()))
                    : planned(request, messages, moved);
        });
    }

    private Reply edit(Request request, Community community, Messages messages) {
        Optional<Integer> number = number(request.argument());
        if (number.isEmpty()) {
            return request.privately(messages, "session.usage.edit", request.prefix());
        }
        Planned found = sessions.planning().toEdit(community, request.actor(), number.get());
        if (found instanceof Planned.Done done) {
            return Reply.form(SessionForms.edit(messages, community, done.sessions().get(0)),
                    Card.text(messages.get("session.form.unavailableEdit", request.prefix())));
        }
        return planned(request, messages, found);
    }

    /** A submitted session form: planned or changed, or its refusals next to their fields. */
    private Reply submit(ButtonPress press) {
        Optional<Community> found = communities.findByChannel(press.channel());
        Messages messages = communities.messages(found);
        if (found.isEmpty()) {
            return Reply.privately(Card.text(messages.get("session.notLinked", press.channel().platform()
                    .commandPrefix())));
        }
        Community community = found.get();
        String where = press.field(SessionForms.WHERE).strip();
        String line = String.join(" ", press.field(SessionForms.DATE).strip(), press.field(SessionForms.TIME).strip(),
                press.field(SessionForms.DURATION).strip(), press.field(SessionForms.TITLE).strip())
                + (where.isEmpty() ? "" : " | " + where);
        SessionWhen.Parsed<SessionWhen.Plan> parsed = SessionWhen.plan(line, sessions.planning().today(community));
        if (parsed instanceof SessionWhen.Parsed.Refused<SessionWhen.Plan> refused) {
            List<Object> args = new ArrayList<>(refused.args());
            args.add(press.channel().platform().commandPrefix());
            return Reply.fieldErrors(Map.of(SessionForms.fieldOf(refused.key()),
                    messages.get(refused.key(), args.toArray())));
        }
        String guest = press.field(SessionForms.GUEST).strip();
        String notes = press.field(SessionForms.NOTES).strip();
        if (guest.length() > SessionForms.MAX_GUEST || notes.length() > SessionForms.MAX_NOTES) {
            boolean guestTooLong = guest.length() > SessionForms.MAX_GUEST;
            return Reply.fieldErrors(Map.of(guestTooLong ? SessionForms.GUEST : SessionForms.NOTES,
                    messages.get("session.form.tooLong", guestTooLong ? guest.length() : notes.length(),
                            guestTooLong ? SessionForms.MAX_GUEST : SessionForms.MAX_NOTES)));
        }
        SessionWhen.Plan plan = ((SessionWhen.Parsed.Ok<SessionWhen.Plan>) parsed).value();
        SessionWhen.Parsed<SessionWhen.Resolved> resolved = SessionWhen.resolve(plan.date(), plan.time(),
                community.timeZone());
        if (resolved instanceof SessionWhen.Parsed.Refused<SessionWhen.Resolved> refused) {
            return Reply.fieldErrors(Map.of(SessionForms.TIME, messages.get(refused.key(), refused.args().toArray())));
        }
        var draft = new Draft(plan.title(), ((SessionWhen.Parsed.Ok<SessionWhen.Resolved>) resolved).value().at()
                .toInstant(), plan.duration(), plan.place(), plan.link(), guest.isEmpty() ? null : guest,
                notes.isEmpty() ? null : notes);
        Planned done = press.action().equals(SessionForms.SAVE)
                ? sessions.planning().edit(community, press.actor(), id(press.value()), draft)
                : sessions.planning().plan(community, press.actor(), List.of(draft));
        if (done instanceof Planned.Done) {
            return Reply.none();
        }
        if (done instanceof Planned.InThePast) {
            return Reply.fieldErrors(Map.of(SessionForms.DATE, messages.get("session.inThePast")));
        }
        return Reply.privately(Card.text(messages.get(done instanceof Planned.FacilitatorsOnly
                ? "session.facilitatorsOnly" : "session.answer.notFound")));
    }

    private Reply recall(Request request, Community community, Messages messages) {
        return numbered(request, messages, "session.usage.recall", "session.recalled",
                number -> sessions.planning().recall(community, request.actor(), number));
    }

    /** A sub-command on session {@code <n°>}: the usage when there is no number, else what the change said. */
    private static Reply numbered(Request request, Messages messages, String usageKey, String doneKey,
                                  Function<Integer, Planned> change) {
        Optional<Integer> number = number(request.argument());
        if (number.isEmpty()) {
            return request.privately(messages, usageKey, request.prefix());
        }
        Planned planned = change.apply(number.get());
        return planned instanceof Planned.Done
                ? request.privately(messages, doneKey, number.get())
                : planned(request, messages, planned);
    }

    private Reply cancel(Request request, Community community, Messages messages) {
        return numbered(request, messages, "session.usage.cancel", "session.cancelledDone",
                number -> sessions.planning().cancel(community, request.actor(), number));
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
        SessionWhen.Parsed<SessionWhen.Resolved> resolved = SessionWhen.resolve(date, time, community.timeZone());
        if (resolved instanceof SessionWhen.Parsed.Refused<SessionWhen.Resolved> refused) {
            return refusal(request, messages, refused);
        }
        return then.apply(((SessionWhen.Parsed.Ok<SessionWhen.Resolved>) resolved).value().at());
    }

    /** The refusal's message; the command prefix ({@code /} on Slack) comes after its own arguments. */
    private static Reply refusal(Request request, Messages messages, SessionWhen.Parsed.Refused<?> refused) {
        List<Object> args = new ArrayList<>(refused.args());
        args.add(request.prefix());
        return Reply.privately(Card.text(messages.get(refused.key(), args.toArray())));
    }

    private Reply press(ButtonPress press) {
        return switch (press.action()) {
            case SessionActions.AGENDA_REMOVE, SessionActions.AGENDA_RESTORE -> pressed(agenda::press).press(press);
            default -> pressed(answers::press).press(press);
        };
    }

    /** The refusal's message, privately; the command prefix ({@code /} on Slack) comes after its own arguments. */
    static Reply refused(Facilitated.Refused<?> refused, Messages messages, String prefix) {
        return Reply.privately(Card.text(refusal(refused, messages, prefix)));
    }

    static String refusal(Facilitated.Refused<?> refused, Messages messages, String prefix) {
        List<Object> args = new ArrayList<>(refused.args());
        args.add(prefix);
        return messages.get(refused.key(), args.toArray());
    }

    static Optional<Integer> number(String text) {
        try {
            int n = Integer.parseInt(text.strip().replace("n°", "").replace("#", ""));
            return n >= 1 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

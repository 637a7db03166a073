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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /seance}: alone, the sessions to come with my answer; facilitators {@code planifier} one session,
 * plan a whole {@code cycle}, {@code deplacer} or {@code annuler} one, edit its {@code ordre-du-jour} and record its
 * {@code présence}; and the answer buttons of announcements. This class registers the keywords, buttons and forms;
 * each concern is answered by a class of its own ({@link PlanningCommands}, {@link SessionFormCommands},
 * {@link AnswerCommands}, {@link AgendaCommands}, {@link AttendanceCommands}, {@link ReminderCommands},
 * {@link CalendarCommands}).
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
    private final PlanningCommands planning;
    private final SessionFormCommands form;
    private final AnswerCommands answers;
    private final AgendaCommands agenda;
    private final AttendanceCommands attendance;
    private final ReminderCommands reminders;
    private final CalendarCommands calendar;

    public SessionCommands(CommunityService communities, SessionService sessions) {
        this.communities = communities;
        this.planning = new PlanningCommands(sessions.planning());
        this.form = new SessionFormCommands(sessions.planning());
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
                .command(SESSION, PLAN, "help.session.plan", linked(planning::plan), Flag.FACILITATORS)
                .command(SESSION, CYCLE, "help.session.cycle", linked(planning::cycle), Flag.FACILITATORS)
                .command(SESSION, MOVE, "help.session.move", linked(planning::move), Flag.FACILITATORS)
                .command(SESSION, CANCEL, "help.session.cancel", linked(planning::cancel), Flag.FACILITATORS)
                .command(SESSION, EDIT, "help.session.edit", linked(planning::edit), Flag.FACILITATORS)
                .command(SESSION, RECALL, "help.session.recall", linked(planning::recall), Flag.FACILITATORS)
                .command(SESSION, REVIEW, "help.session.review", linked(attendance::review), Flag.FACILITATORS)
                .command(SESSION, AGENDA, "help.session.agenda", linked(agenda::show), Flag.FACILITATORS)
                .command(SESSION, ATTENDANCE, "help.session.attendance", linked(attendance::show),
                        Flag.FACILITATORS)
                .command(Router.DEFAULT_ROOT, REMINDERS, "help.reminders", linked(reminders::handle), Flag.FACILITATORS)
                .command(Router.DEFAULT_ROOT, CALENDAR, "help.calendar", linked(calendar::show), Flag.FACILITATORS)
                .buttons(SessionActions.PREFIX, this::press)
                .form(SessionForms.CREATE, pressed(form::submit))
                .form(SessionForms.SAVE, pressed(form::submit))
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

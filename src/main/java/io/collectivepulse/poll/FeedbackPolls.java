package io.collectivepulse.poll;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.i18n.Messages;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The feedback poll after each session: when a session of the cycle ends, unless the community's facilitators
 * turned it off ({@code /pulse retour-seance off}), the service itself launches an anonymous single-choice poll,
 * "how did session n° 3 go?" from 1 to 5, numbered and posted in every channel like any other poll and closed
 * {@link #OPEN} later by its deadline; its average is the session's line in the cycle's review. Sessions reach it
 * through the wiring, since features do not know each other.
 */
public final class FeedbackPolls {
    /** How long a feedback poll takes votes. */
    static final Duration OPEN = Duration.ofDays(3);
    /** Its answers, 1 (not at all) to 5. */
    static final int SCALE = 5;

    private final Database database;
    private final CommunityService communities;
    private final PollService polls;
    private final PollDao dao;
    private final FeedbackDao settings;
    private final Clock clock;

    FeedbackPolls(Database database, CommunityService communities, PollService polls, PollDao dao, Clock clock) {
        this.database = database;
        this.communities = communities;
        this.polls = polls;
        this.dao = dao;
        this.settings = new FeedbackDao(database);
        this.clock = clock;
    }

    /**
     * Session {@code sessionId}, n° {@code number} of the community's cycle, has just ended: launches its feedback
     * poll in the transaction that records the end, unless the community turned them off or the session has its
     * poll already. No facilitator launches it, so none is asked for; it closes {@link #OPEN} from now, which is
     * the session's end unless its trigger fired late, when voters still get their three days.
     */
    public void afterSession(long communityId, long sessionId, int number, String title) {
        database.inTransaction(() -> communities.find(communityId)
                .filter(community -> settings.sessionFeedback(community.id()))
                .ifPresent(community -> polls.post(community, draft(community, number, title), sessionId)));
    }

    /** The question and the five answers, in the community's language, stored as a facilitator's would be. */
    private PollDraft draft(Community community, int number, String title) {
        Messages messages = Messages.of(community.locale());
        List<String> answers = IntStream.rangeClosed(1, SCALE)
                .mapToObj(n -> messages.get("poll.feedback.answer." + n)).toList();
        return new PollDraft(messages.get("poll.feedback.question", number, title), answers, true, false,
                clock.instant().plus(OPEN));
    }

    /**
     * The session's line in the cycle's review, in {@code locale}: its feedback poll's average and how many
     * answered, "so far" while it is open; empty when the session has no feedback poll.
     */
    public Optional<String> reviewNote(long sessionId, Locale locale) {
        return dao.bySession(sessionId).map(poll -> note(poll, dao.tally(poll.id()), Messages.of(locale)));
    }

    static String note(Poll poll, Tally tally, Messages messages) {
        String key = poll.closed() ? "poll.feedback.review" : "poll.feedback.review.open";
        int votes = tally.options().stream().mapToInt(Tally.Option::votes).sum();
        if (votes == 0) {
            return messages.get(key + ".none");
        }
        double total = tally.options().stream().mapToDouble(option -> option.position() * option.votes()).sum();
        return messages.get(key, total / votes, tally.voters());
    }

    /** Whether a feedback poll follows each of the community's sessions. */
    boolean enabled(Community community) {
        return settings.sessionFeedback(community.id());
    }

    /** {@code /pulse retour-seance on|off}, facilitators only: the setting as it now is. */
    Polled<Boolean> turn(Community community, Actor actor, boolean on) {
        return database.inTransaction(() -> {
            if (!communities.isFacilitator(community, actor)) {
                return Polled.<Boolean>refused("pulse.facilitatorsOnly");
            }
            settings.setSessionFeedback(community.id(), on);
            return Polled.done(on);
        });
    }
}

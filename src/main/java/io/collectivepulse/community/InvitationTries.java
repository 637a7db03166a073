package io.collectivepulse.community;

import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.db.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The limit on guessing invitation codes: in a sliding hour, at most {@value #CHANNEL_LIMIT} refused codes in a
 * channel and {@value #WORKSPACE_LIMIT} in a Slack workspace or Teams tenant, whichever channels they come from.
 * Past a limit, a try is answered with the wait before the next one, without its code being looked at, so that a
 * right code guessed then does not show. A refused code counts; a code that links the channel, and a try refused for
 * too many tries, do not. Refusals live in PostgreSQL, so the limits hold on every replica and across restarts;
 * they are forgotten after a day.
 */
final class InvitationTries {
    /** Refused codes an hour in one channel. */
    static final int CHANNEL_LIMIT = 10;
    /** Refused codes an hour in one workspace or tenant, over all its channels. */
    static final int WORKSPACE_LIMIT = 30;
    static final Duration WINDOW = Duration.ofHours(1);

    private final InviteFailureDao failures;

    InvitationTries(Database database) {
        this.failures = new InviteFailureDao(database);
    }

    /**
     * Inside the transaction of a try: the wait before the channel may try again, if a limit is reached. Until the
     * transaction ends, other tries in the workspace wait for it, so that its refusal, if any, counts for them.
     */
    Optional<JoinResult.TooManyTries> lockout(ChannelRef channel, Instant now) {
        failures.lockWorkspace(channel);
        InviteFailureDao.Latest latest = failures.latest(channel, CHANNEL_LIMIT, WORKSPACE_LIMIT, now.minus(WINDOW));
        // The try is allowed again once the refusal at the limit leaves the hour; the later of the two limits rules.
        Instant channelUntil = latest.channel() == null ? now : latest.channel().plus(WINDOW);
        Instant workspaceUntil = latest.workspace() == null ? now : latest.workspace().plus(WINDOW);
        if (!channelUntil.isAfter(now) && !workspaceUntil.isAfter(now)) {
            return Optional.empty();
        }
        boolean workspace = workspaceUntil.isAfter(channelUntil);
        Instant until = workspace ? workspaceUntil : channelUntil;
        return Optional.of(new JoinResult.TooManyTries(channel.platform(), workspace, Duration.between(now, until)));
    }

    /** Counts a refused code against the channel and its workspace; joins the try's transaction. */
    void refused(ChannelRef channel, Instant now) {
        failures.record(channel, now);
    }

    /** Forgets the refusals before {@code before} (a day is more than the window needs). */
    int forgetBefore(Instant before) {
        return failures.forgetBefore(before);
    }
}

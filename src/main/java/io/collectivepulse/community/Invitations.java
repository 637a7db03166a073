package io.collectivepulse.community;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Issuing one-time invitation codes and redeeming them under the guessing limit ({@link InvitationTries}). Runs
 * inside the transactions of {@link CommunityService}, which checks who may invite and whether the channel is
 * linked already.
 */
final class Invitations {
    private final CommunityDao dao;
    private final InvitationTries tries;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Invitations(CommunityDao dao, InvitationTries tries, Clock clock) {
        this.dao = dao;
        this.tries = tries;
        this.clock = clock;
    }

    /** A new code of the community, recorded with the facilitator who issues it. */
    Invite issue(Community community, Actor issuer) {
        Invite invite = Invite.generate(random, clock.instant());
        dao.insertInvite(Invite.hash(invite.code()), community.id(), issuer, clock.instant(), invite.expiresAt());
        return invite;
    }

    /** Links the unlinked channel with {@code code}, unless the channel is locked out; a refusal counts. */
    JoinResult redeem(Actor actor, ChannelRef channel, String code) {
        Instant now = clock.instant();
        Optional<JoinResult.TooManyTries> wait = tries.lockout(channel, now);
        if (wait.isPresent()) {
            return wait.get();
        }
        CommunityDao.Redemption redeemed = dao.redeem(Invite.hash(code), channel, actor, now);
        return switch (redeemed.outcome()) {
            case JOINED -> new JoinResult.Joined(dao.findByChannel(channel).orElseThrow());
            case CHANNEL_ALREADY_LINKED -> new JoinResult.AlreadyLinked(dao.findByChannel(channel).orElseThrow());
            case EXPIRED -> refused(channel, now, redeemed.byIssuer(), JoinResult.Why.EXPIRED);
            case USED -> refused(channel, now, redeemed.byIssuer(), JoinResult.Why.USED);
            case UNKNOWN -> refused(channel, now, false, null);
        };
    }

    /** Counts the refusal; tells why only to the issuer of a code that exists. */
    private JoinResult refused(ChannelRef channel, Instant now, boolean byIssuer, JoinResult.Why why) {
        tries.refused(channel, now);
        return byIssuer ? new JoinResult.RefusedToIssuer(why) : new JoinResult.Refused();
    }

    void forgetRefusedBefore(Instant before) {
        tries.forgetBefore(before);
    }
}

package io.collectivepulse.poll;

import io.collectivepulse.chat.Actor;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who a vote is stored under. For a poll that is not anonymous, the member (platform, workspace, id) and their name.
 * For an anonymous poll, only HMAC-SHA256(poll's secret, poll|platform|workspace|user): the same member gets the
 * same key, so a second ballot replaces the first, but without the secret — deleted when the poll closes — nobody
 * can tell whose key it is, nor test a member id against it; an unkeyed hash could be tested in a moment.
 *
 * @param key   what poll_vote.voter holds
 * @param actor the member, kept beside the vote only when {@code named}
 */
record Voter(String key, Actor actor, boolean named) {
    private static final String HMAC = "HmacSHA256";
    static final int SECRET_BYTES = 32;

    static Voter of(Poll poll, byte[] secret, Actor actor) {
        if (!poll.anonymous()) {
            return new Voter(actor.platform().id() + "|" + actor.workspaceId() + "|" + actor.userId(), actor, true);
        }
        if (secret == null) {
            throw new IllegalStateException("Anonymous poll " + poll.id() + " has no ballot key");
        }
        String ballot = poll.id() + "|" + actor.platform().id() + "|" + actor.workspaceId() + "|" + actor.userId();
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return new Voter(Base64.getEncoder().encodeToString(mac.doFinal(ballot.getBytes(StandardCharsets.UTF_8))),
                    actor, false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }

    /** A new poll's ballot key. */
    static byte[] newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    /** Never the member: a record's default toString would put their id in a log line. */
    @Override
    public String toString() {
        return "Voter[" + (named ? "named" : "anonymous") + "]";
    }
}

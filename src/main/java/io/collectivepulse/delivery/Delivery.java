package io.collectivepulse.delivery;

import io.collectivepulse.chat.ChannelRef;
import java.time.Instant;

/**
 * One outbox row as the dispatcher claimed it.
 *
 * @param op       post, update, notify, or home (a member's home view, published again)
 * @param card     the card of a notice or a reply (JSON), null for what is drawn by the kind's source
 * @param version  bumped when a pending redraw is asked again: the row is sent once more if it changed meanwhile
 * @param uncertain true when the replica that claimed it before died holding it: a call may have reached the
 *                 platform without its answer being recorded
 * @param partsSent how many parts of a post were sent and recorded (a digest split in several messages)
 * @param fallback where the row's answer goes instead when the platform refuses it for good (a member's private
 *                 conversation that cannot be opened), or null
 */
record Delivery(long id, String key, Op op, String kind, long subjectId, ChannelRef channel, String memberId,
                String replyTo, String card, Instant asOf, Instant dueAt, Instant giveUpAt, int version,
                int attempts, boolean uncertain, int partsSent, Fallback fallback) {
    enum Op { POST, UPDATE, NOTIFY, HOME }

    /**
     * The reply written when a private answer cannot reach its member: in {@code channelId} of the row's workspace,
     * in the thread {@code replyTo}, showing {@code card} (JSON, as {@link io.collectivepulse.chat.CardJson} writes).
     */
    record Fallback(String channelId, String replyTo, String card) {
    }

    Delivery withPartsSent(int parts) {
        return new Delivery(id, key, op, kind, subjectId, channel, memberId, replyTo, card, asOf, dueAt, giveUpAt,
                version, attempts, uncertain, parts, fallback);
    }
}

package io.collectivepulse.delivery;

import io.collectivepulse.chat.ChannelRef;
import java.time.Instant;

/**
 * One outbox row as the dispatcher claimed it.
 *
 * @param op       post, update or notify
 * @param card     the card of a notice or a reply (JSON), null for what is drawn by the kind's source
 * @param version  bumped when a pending redraw is asked again: the row is sent once more if it changed meanwhile
 * @param uncertain true when the replica that claimed it before died holding it: a call may have reached the
 *                 platform without its answer being recorded
 */
record Delivery(long id, String key, Op op, String kind, long subjectId, ChannelRef channel, String memberId,
                String replyTo, String card, Instant asOf, Instant dueAt, Instant giveUpAt, int version,
                int attempts, boolean uncertain) {
    enum Op { POST, UPDATE, NOTIFY }
}

package io.collectivepulse.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.support.PulseDatabase;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A lane's last row is recorded and its channel's lease ended in one statement: the channel is then due at its
 * next pending row, not at the row just sent, unless that row was asked again meanwhile and stays pending.
 */
class LeaseEndTest {
    private static final Instant NOW = Instant.parse("2027-01-04T08:00:00Z");
    private static final String OWNER = "replica-a";

    @RegisterExtension
    static final PulseDatabase db = new PulseDatabase();

    private final OutboxDao dao = new OutboxDao(db.database(), () -> { });

    @Test
    void theChannelIsDueAtItsNextPendingRow() {
        ChannelRef channel = new ChannelRef(Platform.SLACK, "T0LEASE", "C0NEXT");
        add("first", channel, NOW);
        Delivery first = claimOne(channel);
        add("later", channel, NOW.plusSeconds(60));

        dao.finishEndingLease(first, 0, "1700000000.000100", NOW, OWNER);

        assertThat(state("first")).isEqualTo("sent");
        assertThat(db.count("sent_message", "outbox_id = " + first.id())).isEqualTo(1);
        assertThat(channelRow(channel)).isEqualTo(new ChannelRow(null, NOW.plusSeconds(60)));
    }

    @Test
    void aChannelWithNothingLeftIsDueNever() {
        ChannelRef channel = new ChannelRef(Platform.TEAMS, "tenant-lease", "@member");
        add("only", channel, NOW);
        Delivery only = claimOne(channel);

        dao.finishEndingLease(only, -1, null, NOW, OWNER);

        assertThat(state("only")).isEqualTo("sent");
        assertThat(channelRow(channel)).isEqualTo(new ChannelRow(null, null));
    }

    @Test
    void aRowAskedAgainWhileItWasSentStaysDue() {
        ChannelRef channel = new ChannelRef(Platform.SLACK, "T0LEASE", "C0AGAIN");
        add("again", channel, NOW);
        Delivery again = claimOne(channel);
        db.jdbi().useHandle(h -> h.execute("UPDATE outbox SET version = version + 1 WHERE id = ?", again.id()));

        dao.finishEndingLease(again, -1, null, NOW, OWNER);

        assertThat(state("again")).isEqualTo("pending");
        assertThat(channelRow(channel)).isEqualTo(new ChannelRow(null, NOW));
    }

    private void add(String key, ChannelRef channel, Instant due) {
        assertThat(dao.insert(key, Delivery.Op.POST, "notice", 1, channel, null, null, null, NOW, due,
                NOW.plusSeconds(3600))).isTrue();
    }

    private Delivery claimOne(ChannelRef channel) {
        OutboxDao.Claim claim = dao.claim(OWNER, NOW, NOW.plusSeconds(20), 100, 30);
        Optional<Delivery> row = claim.rows().stream().filter(r -> r.channel().equals(channel)).findFirst();
        assertThat(row).as("claimed").isPresent();
        assertThat(channelRow(channel).claimedBy()).isEqualTo(OWNER);
        return row.get();
    }

    private String state(String key) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT state FROM outbox WHERE idem_key = :key")
                .bind("key", key).mapTo(String.class).one());
    }

    private ChannelRow channelRow(ChannelRef channel) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT claimed_by, next_due FROM outbox_channel
                        WHERE platform = :p AND workspace_id = :w AND channel_id = :c""")
                .bind("p", channel.platform().id()).bind("w", channel.workspaceId()).bind("c", channel.channelId())
                .map((rs, ctx) -> new ChannelRow(rs.getString(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .one());
    }

    private record ChannelRow(String claimedBy, Instant nextDue) {
    }
}

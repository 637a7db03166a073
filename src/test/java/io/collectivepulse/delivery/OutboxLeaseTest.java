package io.collectivepulse.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.PulseDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The leases of a replica that sends slowly (a channel paced at one message a second, a backlog of thousands): it
 * keeps its channels, no other replica takes their rows meanwhile, and the rows waiting in its lanes are not
 * rewritten to keep them (a claim walks past every version of a pending row that vacuum has not cleared yet).
 */
class OutboxLeaseTest {
    private static final ChannelRef CHANNEL = new ChannelRef(Platform.SLACK, "T0LEASE", "C0LEASE");
    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    @RegisterExtension
    static final PulseDatabase db = new PulseDatabase();

    @Test
    void renewingKeepsTheChannelsAndLeavesTheWaitingRowsAsTheyAre() {
        List<ChannelRef> woken = new ArrayList<>();
        var dao = new OutboxDao(db.database(), woken::add);
        for (int i = 0; i < 40; i++) {
            dao.insert("post:lease:" + i, Delivery.Op.POST, "lease", i, CHANNEL, null, null, "{}", NOW, NOW,
                    NOW.plus(Duration.ofHours(1)));
        }
        assertThat(woken).as("each row names its channel to the wake-up").hasSize(40).containsOnly(CHANNEL);

        OutboxDao.Claim claim = dao.claim("replica-a", NOW, NOW.plus(Dispatcher.LEASE), 10, 30);
        assertThat(inChannel(claim)).hasSize(30);
        List<String> versions = versions();

        Instant later = NOW.plus(Duration.ofSeconds(15));
        dao.renew("replica-a", later.plus(Dispatcher.LEASE));

        assertThat(versions()).as("the claimed rows, not rewritten").isEqualTo(versions);
        // Past the first lease, the channel is still replica-a's: another replica claims nothing there.
        Instant afterFirstLease = NOW.plus(Dispatcher.LEASE).plusSeconds(1);
        assertThat(inChannel(dao.claim("replica-b", afterFirstLease, afterFirstLease.plus(Dispatcher.LEASE), 10, 30)))
                .isEmpty();
        // Once the renewed lease ran out too (replica-a died), replica-b takes the channel, its claimed rows first,
        // marked as maybe sent already.
        Instant afterRenewed = later.plus(Dispatcher.LEASE).plusSeconds(1);
        OutboxDao.Claim taken = dao.claim("replica-b", afterRenewed, afterRenewed.plus(Dispatcher.LEASE), 10, 30);
        assertThat(inChannel(taken)).hasSize(30).allMatch(Delivery::uncertain);
    }

    private static List<Delivery> inChannel(OutboxDao.Claim claim) {
        return claim.rows().stream().filter(row -> row.channel().equals(CHANNEL)).toList();
    }

    @Test
    void aClaimGivesEachChannelsRowsInTheOrderTheyAreDue() {
        var dao = new OutboxDao(db.database(), channel -> { });
        var channel = new ChannelRef(Platform.TEAMS, "T0ORDER", "C0ORDER");
        // Written in one order, due in the reverse one (a retried row is due later than the rows written after it).
        for (int i = 0; i < 5; i++) {
            Instant due = NOW.minusSeconds(i);
            dao.insert("post:order:" + i, Delivery.Op.POST, "order", i, channel, null, null, "{}", NOW, due,
                    NOW.plus(Duration.ofHours(1)));
        }
        List<Long> subjects = dao.claim("replica-a", NOW, NOW.plus(Dispatcher.LEASE), 10, 30).rows().stream()
                .filter(row -> row.channel().equals(channel)).map(Delivery::subjectId).toList();
        assertThat(subjects).containsExactly(4L, 3L, 2L, 1L, 0L);
    }

    @Test
    void aRowAddedWhileItsChannelsLeaseEndsIsClaimedNext() throws Exception {
        var dao = new OutboxDao(db.database(), channel -> { });
        var channel = new ChannelRef(Platform.SLACK, "T0RACE", "C0RACE");
        dao.insert("post:race:0", Delivery.Op.POST, "race", 0, channel, null, null, "{}", NOW, NOW,
                NOW.plus(Duration.ofHours(1)));
        // replica-a's lane sends the channel's only row, then ends its lease.
        Delivery first = dao.claim("replica-a", NOW, NOW.plus(Dispatcher.LEASE), 100, 30).rows().stream()
                .filter(row -> row.channel().equals(channel)).findFirst().orElseThrow();
        dao.finish(first, "sent", "sent", NOW);

        // A command adds a row to the channel and has not committed yet when the lane ends its lease.
        CountDownLatch added = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> command = threads.submit(() -> db.database().inTransaction(() -> {
                dao.insert("post:race:1", Delivery.Op.POST, "race", 1, channel, null, null, "{}", NOW, NOW,
                        NOW.plus(Duration.ofHours(1)));
                added.countDown();
                await(commit);
            }));
            added.await();
            // A claim is not kept waiting by the command (its lease on the channel still runs: nothing to take).
            assertThat(threads.submit(() -> dao.claim("replica-b", NOW, NOW.plus(Dispatcher.LEASE), 100, 30))
                    .get(5, TimeUnit.SECONDS).rows()).noneMatch(row -> row.channel().equals(channel));
            // The lease's end waits for the command, then counts its row.
            Future<?> end = threads.submit(() -> dao.endChannel("replica-a", channel));
            Awaits.until(() -> Optional.of(lockWaits()).filter(n -> n == 1), Duration.ofSeconds(5),
                    () -> "the end never waited for the command adding a row");
            assertThat(end).isNotDone();
            commit.countDown();
            command.get(5, TimeUnit.SECONDS);
            end.get(5, TimeUnit.SECONDS);
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
        assertThat(dao.claim("replica-b", NOW, NOW.plus(Dispatcher.LEASE), 100, 30).rows())
                .extracting(Delivery::subjectId).containsExactly(1L);
    }

    /** Sessions of this test's database waiting for a lock. */
    private static int lockWaits() {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock'
                        """)
                .mapTo(Integer.class).one());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Each claimed row's version (its transaction id and place in the table), in id order. */
    private static List<String> versions() {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT xmin::text || ctid::text FROM outbox
                        WHERE claimed_by IS NOT NULL AND channel_id = 'C0LEASE' ORDER BY id
                        """)
                .mapTo(String.class).list());
    }
}

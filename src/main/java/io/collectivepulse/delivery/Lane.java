package io.collectivepulse.delivery;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.CardJson;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Form;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The rows this replica claimed for one channel, sent one after the other in the order they were due (the parts of
 * a split digest in order too), each call when the channel's pace allows. When the platform says "not now", the
 * row is due again later and the rest of the lane is given back, so that nothing waits on a held claim.
 */
final class Lane {
    private static final Logger LOG = LoggerFactory.getLogger(Lane.class);
    private static final Duration MAX_RECORD_DELAY = Duration.ofSeconds(10);

    private final Dispatcher dispatcher;
    private final ChannelRef channel;
    private final Deque<Delivery> rows = new ArrayDeque<>();
    private boolean busy;
    private boolean stopped;
    /** A row the platform took whose outcome could not be recorded yet (see {@link #conclude}). */
    private Delivery unrecorded;
    /** Set when the lane ran out of rows: it takes no more, a new lane does. */
    private boolean ended;

    Lane(Dispatcher dispatcher, ChannelRef channel) {
        this.dispatcher = dispatcher;
        this.channel = channel;
    }

    ChannelRef channel() {
        return channel;
    }

    /** The rows to give back on stopping: not one the platform has already taken, which must not go out twice. */
    synchronized List<Long> releasable() {
        return rows.stream().map(Delivery::id).filter(id -> unrecorded == null || id != unrecorded.id()).toList();
    }

    /** Takes the row, unless the lane has ended (false: give it to a new lane). */
    synchronized boolean add(Delivery row) {
        if (ended) {
            return false;
        }
        if (rows.stream().anyMatch(r -> r.id() == row.id())) {
            return true;
        }
        rows.addLast(row);
        if (!busy && !stopped) {
            busy = true;
            dispatcher.sending.execute(logged(this::next));
        }
        return true;
    }

    /**
     * A step of the lane, run on a sending thread with the channel's platform and workspace on its log lines (the
     * keys the request's lines use), so that one workspace's trouble can be followed from request to delivery.
     */
    private Runnable logged(Runnable step) {
        return () -> {
            MDC.put("platform", channel.platform().id());
            MDC.put("workspace", channel.workspaceId());
            try {
                step.run();
            } finally {
                MDC.remove("platform");
                MDC.remove("workspace");
            }
        };
    }

    /** No new call starts; the rows left are given back by the dispatcher. */
    synchronized void stop() {
        stopped = true;
    }

    private Delivery head() {
        boolean over;
        synchronized (this) {
            Delivery row = stopped ? null : rows.peekFirst();
            if (row != null) {
                return row;
            }
            busy = false;
            ended = rows.isEmpty();
            over = ended;
        }
        if (over) {
            dispatcher.ended(this);
        }
        return null;
    }

    /** The row leaves the lane (once: it may be recorded again). */
    private synchronized void done(Delivery row) {
        if (rows.peekFirst() != null && rows.peekFirst().id() == row.id()) {
            rows.pollFirst();
        }
    }

    /** The head row's next part is the one after this: the lane's copy of the row says so. */
    private synchronized void sentPart(Delivery row) {
        if (rows.peekFirst() != null && rows.peekFirst().id() == row.id()) {
            rows.pollFirst();
            rows.addFirst(row.withPartsSent(row.partsSent() + 1));
        }
    }

    /** Prepares the head row's next call, and schedules it when the pace allows. */
    private void next() {
        Delivery row = head();
        if (row == null) {
            return;
        }
        try {
            Call call = prepare(row);
            if (call.finish() != null) {
                finish(row, call.finish()[0], call.finish()[1]);
                next();
                return;
            }
            Instant now = dispatcher.realTime.instant();
            Instant slot = dispatcher.pace.reserve(call.limits(), now);
            long delay = Math.max(0, Duration.between(now, slot).toMillis());
            dispatcher.sending.schedule(logged(() -> send(row, call, slot)), delay, TimeUnit.MILLISECONDS);
        } catch (CardSource.NotYet e) {
            backOff(row, new Outcome.Retry(e.after(), null, "not_yet: " + e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("Could not prepare outbox row {} for {}: {}", row.id(), channel, e.toString());
            backOff(row, new Outcome.Retry(Duration.ZERO, null, e.toString()));
        }
    }

    /** What to send for the row now, or how the row ends without a call. */
    private Call prepare(Delivery row) {
        Instant now = dispatcher.clock.instant();
        if (now.isAfter(row.giveUpAt())) {
            return Call.ends("dropped", "expired");
        }
        Sender sender = dispatcher.senders.get(channel.platform());
        if (sender == null) {
            return Call.ends("failed", Outcome.Advice.OTHER + " platform_not_configured");
        }
        return switch (row.op()) {
            case NOTIFY -> new Call(sender.limits(Sender.Call.NOTIFY, channel), -1, -1,
                    () -> sender.notify(channel, row.memberId(), (Card) CardJson.read(row.card()), row.replyTo()));
            case POST -> post(row, sender);
            case UPDATE -> update(row, sender);
            case HOME -> home(row, sender);
        };
    }

    /** A member's home: drawn now, from the state now, and published in place of the last one. */
    private Call home(Delivery row, Sender sender) {
        Optional<Card> card = source(row).draw(row.subjectId(), channel, row.asOf(), false);
        if (card.isEmpty()) {
            return Call.ends("dropped", "gone");
        }
        return new Call(sender.limits(Sender.Call.HOME, channel), -1, -1, () -> sender.home(channel, card.get()));
    }

    private Call post(Delivery row, Sender sender) {
        Object written = row.card() == null ? null : CardJson.read(row.card());
        if (written instanceof Form form) {
            return new Call(sender.limits(Sender.Call.POST, channel), -1, -1,
                    () -> sender.postForm(channel, form, row.replyTo()));
        }
        Optional<Card> card = written != null ? Optional.of((Card) written)
                : source(row).draw(row.subjectId(), channel, row.asOf(), false);
        if (card.isEmpty()) {
            return Call.ends("dropped", "gone");
        }
        int part = row.partsSent();
        int parts = sender.parts(card.get());
        if (part >= parts) {
            return Call.ends("sent", "sent");
        }
        if (row.uncertain()) {
            // Its last claimant died holding it: the part may be in the channel already, unrecorded.
            Optional<String> posted = sender.find(channel, row.key(), part, row.asOf().minus(Duration.ofMinutes(1)));
            if (posted.isPresent()) {
                LOG.info("{}: part {} of outbox row {} was posted before a crash; not posted again", channel, part,
                        row.id());
                return new Call(List.of(), part, parts, () -> new Outcome.Sent(posted.get()));
            }
        }
        return new Call(sender.limits(Sender.Call.POST, channel), part, parts,
                () -> sender.post(channel, card.get(), part, row.replyTo(), row.key()));
    }

    private Call update(Delivery row, Sender sender) {
        Optional<String> messageId = dispatcher.dao.messageId(row.kind(), row.subjectId(), channel);
        if (messageId.isEmpty()) {
            // A post still to come draws the latest state itself; one that never went out has nothing to redraw.
            boolean pending = dispatcher.dao.postPending(row.kind(), row.subjectId(), channel);
            return Call.ends("dropped", pending ? "superseded" : "never_posted");
        }
        Optional<Card> card = source(row).draw(row.subjectId(), channel, row.asOf(), true);
        if (card.isEmpty()) {
            return Call.ends("dropped", "gone");
        }
        return new Call(sender.limits(Sender.Call.UPDATE, channel), -1, -1,
                () -> sender.update(channel, messageId.get(), card.get()));
    }

    private CardSource source(Delivery row) {
        Outbox.Kind kind = dispatcher.kinds.get(row.kind());
        if (kind == null) {
            throw new IllegalStateException("No card source for " + row.kind());
        }
        return kind.source();
    }

    private void send(Delivery row, Call call, Instant slot) {
        // A Retry-After may have come, for another channel of the workspace, since this call was scheduled.
        Instant now = dispatcher.realTime.instant();
        Instant blocked = dispatcher.pace.blockedUntil(call.limits(), now);
        if (blocked.isAfter(now)) {
            dispatcher.sending.schedule(logged(() -> send(row, call, slot)),
                    Duration.between(now, blocked).toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        Instant leaves = dispatcher.pace.depart(call.limits(), now);
        if (leaves.isAfter(now)) {
            dispatcher.sending.schedule(logged(() -> send(row, call, slot)),
                    Duration.between(now, leaves).toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        Outcome outcome;
        try {
            outcome = call.send().get();
        } catch (RuntimeException e) {
            outcome = new Outcome.Retry(Duration.ZERO, null, e.toString());
        }
        dispatcher.pace.settle(call.limits(), slot, dispatcher.realTime.instant());
        conclude(row, call, outcome, 0);
    }

    /**
     * Records what the platform answered, then goes on with the lane. A message the platform took (or refused for
     * good) whose outcome cannot be recorded (PostgreSQL busy or away) is recorded again a moment later, its
     * channel's lease renewed meanwhile, and never sent again: the lane waits for it.
     */
    private void conclude(Delivery row, Call call, Outcome outcome, int attempt) {
        if (outcome instanceof Outcome.Retry retry) {
            if (attempt == 0) {
                dispatcher.stats.retried(channel.platform(), retry);
            }
            backOff(row, retry);
            return;
        }
        try {
            record(row, call, outcome);
        } catch (RuntimeException e) {
            synchronized (this) {
                unrecorded = row;
            }
            long delay = Math.min(MAX_RECORD_DELAY.toMillis(), 200L << Math.min(attempt, 8));
            LOG.warn("Could not record the outcome of outbox row {} ({}): recording it again in {} ms, not sending it "
                    + "again", row.id(), e.toString(), delay);
            dispatcher.sending.schedule(logged(() -> conclude(row, call, outcome, attempt + 1)), delay,
                    TimeUnit.MILLISECONDS);
            return;
        }
        synchronized (this) {
            unrecorded = null;
        }
        dispatcher.stats.ended(channel.platform(), outcome instanceof Outcome.Sent ? OutboxStats.Result.SENT
                : OutboxStats.Result.FAILED);
        next();
    }

    /** Records a sent part or message, or a permanent refusal; each step can be done again. */
    private void record(Delivery row, Call call, Outcome outcome) {
        Instant now = dispatcher.clock.instant();
        if (outcome instanceof Outcome.Sent sent) {
            if (call.part() >= 0 && call.part() + 1 < call.parts()) {
                dispatcher.dao.recordPart(row, call.part(), sent.messageId(), now);
                sentPart(row);
            } else if (call.part() >= 0) {
                done(row);
                dispatcher.dao.finishWithPart(row, call.part(), sent.messageId(), now);
            } else {
                finish(row, "sent", "sent");
            }
            return;
        }
        Outcome.Failed failed = (Outcome.Failed) outcome;
        LOG.warn("{} refused outbox row {} for good: {}", channel, row.id(), failed.reason());
        done(row);
        dispatcher.failed(row, channel, failed);
    }

    /**
     * The row leaves the lane, then its end is recorded: in this order, so that a row asked again meanwhile (a
     * newer redraw), claimable as soon as it is recorded, is taken into the lane afresh.
     */
    private void finish(Delivery row, String state, String outcome) {
        done(row);
        dispatcher.dao.finish(row, state, outcome, dispatcher.clock.instant());
    }

    /** Not now: the row is due again later, the rest of the lane goes back for whoever claims next. */
    private void backOff(Delivery row, Outcome.Retry retry) {
        if (retry.scope() != null && !retry.after().isZero()) {
            dispatcher.pace.block(retry.scope(), dispatcher.realTime.instant().plus(retry.after()));
        }
        List<Long> others;
        synchronized (this) {
            rows.pollFirst();
            others = rows.stream().map(Delivery::id).toList();
            rows.clear();
        }
        try {
            Instant due = dispatcher.retryAt(row, retry.after());
            if (due.isAfter(row.giveUpAt())) {
                dispatcher.dao.finish(row, "dropped", "gave_up: " + retry.reason(), dispatcher.clock.instant());
                dispatcher.stats.ended(channel.platform(), OutboxStats.Result.GAVE_UP);
            } else {
                dispatcher.dao.retry(row, due, retry.reason());
            }
            if (!others.isEmpty()) {
                dispatcher.dao.release(dispatcher.owner, others);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not reschedule outbox row {}; its lease will run out: {}", row.id(), e.toString());
        }
        LOG.info("{}: outbox row {} to try again ({}), {} more given back", channel, row.id(), retry.reason(),
                others.size());
        next();
    }

    /**
     * One call to the platform: what it is paced on, which part of a post it sends and of how many (-1 for none),
     * and the call; or, with {@code finish} set ({state, outcome}), the end of a row that needs no call.
     */
    private record Call(List<Limit> limits, int part, int parts, Supplier<Outcome> send, String[] finish) {
        Call(List<Limit> limits, int part, int parts, Supplier<Outcome> send) {
            this(limits, part, parts, send, null);
        }

        static Call ends(String state, String outcome) {
            return new Call(List.of(), -1, -1, null, new String[] {state, outcome});
        }
    }
}

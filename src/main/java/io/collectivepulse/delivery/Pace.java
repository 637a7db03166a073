package io.collectivepulse.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When the next call of each kind may go out, so that the bot stays inside the limits the platforms publish and
 * does not call a method again inside the Retry-After a platform gave. Reservations are made ahead: a lane asks
 * for the next free moment and sends then.
 */
final class Pace {
    /**
     * Kept beyond what a limit allows: a bucket (Slack) is planned ahead only, and the platform's clock is not
     * ours, so a little room, relative and absolute, keeps the bot just inside the limit. Windows are kept on what
     * was answered ({@link #depart}).
     */
    private static final double MARGIN = 1.02;
    private static final Duration SPARE = Duration.ofMillis(100);
    /** How soon a call held back by a window full of calls in flight looks again. */
    private static final Duration IN_FLIGHT_WAIT = Duration.ofMillis(10);

    private final Map<String, Instant> theoreticalArrival = new HashMap<>();
    private final Map<String, Deque<Instant>> sent = new HashMap<>();
    /** When the calls that left were answered, per window, in order: what {@link #depart} counts. */
    private final Map<String, Deque<Instant>> answered = new HashMap<>();
    /** How many calls left and are not answered yet, per window. */
    private final Map<String, Integer> inFlight = new HashMap<>();
    private final Map<String, Instant> blockedUntil = new HashMap<>();

    /**
     * Reserves the earliest moment from {@code now} at which every limit allows one more call; a limit listed twice
     * counts two calls (a first private message on Teams opens the conversation, then writes in it).
     */
    synchronized Instant reserve(List<Limit> limits, Instant now) {
        Map<Limit, Integer> needs = new LinkedHashMap<>();
        limits.forEach(limit -> needs.merge(limit, 1, Integer::sum));
        Instant at = now;
        for (int round = 0; round < 8; round++) {
            Instant before = at;
            for (Map.Entry<Limit, Integer> need : needs.entrySet()) {
                at = later(at, earliest(need.getKey(), need.getValue(), at));
            }
            if (at.equals(before)) {
                break;
            }
        }
        for (Limit limit : limits) {
            record(limit, at);
        }
        return at;
    }

    /**
     * When a call reserved earlier may really leave, from {@code now}: now, counted as in flight, unless one of its
     * windows is full. A platform counts a call when it arrives, which is after it left and before its answer came
     * back: so a window counts each call answered from the moment of its answer, and each call still in flight as
     * if it were arriving now. Whatever each call takes on the way (a slow connection, a busy machine), no window
     * can then hold more calls at the platform than its limit. Reservations only plan; this keeps the windows.
     */
    synchronized Instant depart(List<Limit> limits, Instant now) {
        Instant at = now;
        for (Map.Entry<Limit, Integer> need : windows(limits).entrySet()) {
            Limit limit = need.getKey();
            String state = state(limit);
            Instant boundary = now.minus(scaled(limit.per()));
            List<Instant> inWindow = answered.getOrDefault(state, new ArrayDeque<>()).stream()
                    .filter(t -> t.isAfter(boundary)).toList();
            int excess = inWindow.size() + inFlight.getOrDefault(state, 0) + Math.min(need.getValue(), limit.count())
                    - limit.count();
            if (excess > 0) {
                // The window frees when enough answered calls leave it; if calls in flight fill it, once they answer.
                Instant frees = excess <= inWindow.size()
                        ? inWindow.get(excess - 1).plus(scaled(limit.per())).plus(Duration.ofMillis(1))
                        : now.plus(IN_FLIGHT_WAIT);
                at = later(at, frees);
            }
        }
        if (at.isAfter(now)) {
            return at;
        }
        for (Limit limit : limits) {
            if (limit.kind() == Limit.Kind.WINDOW) {
                inFlight.merge(state(limit), 1, Integer::sum);
            }
        }
        return now;
    }

    /** The end of a Retry-After that applies to one of {@code limits}, if one still runs at {@code now}. */
    synchronized Instant blockedUntil(List<Limit> limits, Instant now) {
        Instant until = now;
        for (Limit limit : limits) {
            if (limit.kind() == Limit.Kind.SCOPE) {
                until = later(until, blockedUntil.getOrDefault(limit.key(), now));
            }
        }
        return until;
    }

    /**
     * The call reserved at {@code reservedAt}, which left (see {@link #depart}), was answered at {@code answeredAt}
     * (or failed then): windows count it from then, since it reached the platform somewhere in between; the next
     * call then cannot arrive inside its window, however long this one took on the way.
     */
    synchronized void settle(List<Limit> limits, Instant reservedAt, Instant answeredAt) {
        for (Limit limit : limits) {
            if (limit.kind() != Limit.Kind.WINDOW) {
                continue;
            }
            String state = state(limit);
            Deque<Instant> times = sent.get(state);
            if (times != null && times.removeLastOccurrence(reservedAt)) {
                insert(times, later(reservedAt, answeredAt), limit);
            }
            inFlight.computeIfPresent(state, (key, calls) -> calls > 1 ? calls - 1 : null);
            insert(answered.computeIfAbsent(state, key -> new ArrayDeque<>()), answeredAt, limit);
        }
    }

    /** Adds {@code at} to times kept in order, and forgets those too old to count in any window. */
    private static void insert(Deque<Instant> times, Instant at, Limit limit) {
        Deque<Instant> after = new ArrayDeque<>();
        while (!times.isEmpty() && times.peekLast().isAfter(at)) {
            after.addFirst(times.removeLast());
        }
        times.addLast(at);
        times.addAll(after);
        Instant horizon = times.peekLast().minus(limit.per()).minus(limit.per());
        while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
            times.removeFirst();
        }
    }

    /** The windows among {@code limits}, each with the number of calls it takes (a limit listed twice takes two). */
    private static Map<Limit, Integer> windows(List<Limit> limits) {
        Map<Limit, Integer> needs = new LinkedHashMap<>();
        limits.stream().filter(limit -> limit.kind() == Limit.Kind.WINDOW)
                .forEach(limit -> needs.merge(limit, 1, Integer::sum));
        return needs;
    }

    /** Nothing goes to {@code scope} before {@code until} (a platform's Retry-After). */
    synchronized void block(String scope, Instant until) {
        blockedUntil.merge(scope, until, Pace::later);
    }

    private Instant earliest(Limit limit, int calls, Instant at) {
        return switch (limit.kind()) {
            case SCOPE -> blockedUntil.getOrDefault(limit.key(), at);
            case BUCKET -> {
                Duration interval = interval(limit);
                Instant tat = theoreticalArrival.get(state(limit));
                if (tat == null) {
                    yield at; // A bucket never used is full.
                }
                yield tat.minus(interval.multipliedBy(limit.count() - (long) Math.min(calls, limit.count())))
                        .plus(SPARE);
            }
            case WINDOW -> {
                Deque<Instant> times = sent.getOrDefault(state(limit), new ArrayDeque<>());
                Instant latest = times.isEmpty() ? at : later(at, times.peekLast());
                Instant boundary = latest.minus(limit.per());
                long inWindow = times.stream().filter(t -> t.isAfter(boundary)).count();
                int needed = Math.min(calls, limit.count());
                if (inWindow + needed <= limit.count()) {
                    yield latest;
                }
                // The window has room once enough of the calls in it have left it.
                Instant oldest = times.stream().filter(t -> t.isAfter(boundary))
                        .skip(inWindow + needed - limit.count() - 1).findFirst().orElse(latest);
                yield oldest.plus(scaled(limit.per())).plus(spare(limit));
            }
        };
    }

    private void record(Limit limit, Instant at) {
        switch (limit.kind()) {
            case BUCKET -> theoreticalArrival.merge(state(limit), at.plus(interval(limit)),
                    (old, fresh) -> later(old, at).plus(interval(limit)));
            case WINDOW -> {
                Deque<Instant> times = sent.computeIfAbsent(state(limit), key -> new ArrayDeque<>());
                times.addLast(at);
                Instant horizon = at.minus(limit.per()).minus(limit.per());
                while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
                    times.removeFirst();
                }
            }
            case SCOPE -> {
                // A scope only blocks.
            }
        }
    }

    /**
     * The room left after a full window before the next call is planned: {@link #SPARE}, but at most a fiftieth of
     * the window. A tenth of Teams' one-second window, planned again at each refill, cost a tenth of its calls (45
     * planned per 1.12 s instead of per second); the calls that really left keep each window ({@link #depart}).
     */
    private static Duration spare(Limit limit) {
        Duration share = limit.per().dividedBy(50);
        return share.compareTo(SPARE) < 0 ? share : SPARE;
    }

    /** Where a limit's state is kept: several windows may share one key (a Teams conversation has three). */
    private static String state(Limit limit) {
        return limit.key() + '#' + limit.kind() + '/' + limit.count() + '/' + limit.per();
    }

    /** The time one call takes from a bucket, with the margin. */
    private static Duration interval(Limit limit) {
        return scaled(limit.per().dividedBy(limit.count()));
    }

    private static Duration scaled(Duration duration) {
        return Duration.ofNanos((long) (duration.toNanos() * MARGIN));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

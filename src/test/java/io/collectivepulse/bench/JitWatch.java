package io.collectivepulse.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;

/**
 * Says when a target's JIT compilers have caught up: over the last {@code WINDOW_NANOS} they used less than
 * {@code SETTLED_SHARE} of one core. Asked once per warm-up round.
 */
final class JitWatch implements BooleanSupplier {
    static final long WINDOW_NANOS = 5_000_000_000L;
    static final double SETTLED_SHARE = 0.05;

    private final TargetProcess target;
    private final Deque<long[]> samples = new ArrayDeque<>();
    private double lastShare = Double.NaN;

    JitWatch(TargetProcess target) {
        this.target = target;
    }

    @Override
    public boolean getAsBoolean() {
        long now = System.nanoTime();
        samples.addLast(new long[] {now, target.compilationMillis()});
        while (samples.size() > 1 && now - samples.peekFirst()[0] > WINDOW_NANOS) {
            samples.removeFirst();
        }
        long[] first = samples.peekFirst();
        long[] last = samples.peekLast();
        long span = last[0] - first[0];
        if (span < WINDOW_NANOS * 4 / 5) {
            return false;
        }
        lastShare = (last[1] - first[1]) * 1e6 / span;
        return lastShare < SETTLED_SHARE;
    }

    /** The compilers' share of one core over the last window measured, NaN before one was. */
    double lastShare() {
        return lastShare;
    }
}

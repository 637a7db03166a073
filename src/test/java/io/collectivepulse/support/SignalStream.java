package io.collectivepulse.support;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * A stream of {@code /signal} commands sent back to back from a few threads, each signal with a text of its own,
 * recording what the service answered to each: the way to see which acknowledged writes survive a crash.
 */
public final class SignalStream implements AutoCloseable {
    private final SlackClient slack;
    private final String prefix;
    private final List<Thread> threads;
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile boolean running = true;
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    /**
     * What one command got: an HTTP status and body, or no answer at all ({@code status} 0, the exception in
     * {@code failure}).
     */
    public record Outcome(String text, int status, String body, String failure, Duration took) {
        /** Acknowledged and stored: Slack's ack of a posted signal is an empty 200 (the card follows). */
        public boolean acknowledged() {
            return status == 200 && body.isEmpty();
        }

        /** Answered, but with an apology that says nothing was stored and to try again in a moment. */
        public boolean apologised() {
            return status == 200 && body.contains("Réessayez dans un instant");
        }

        public boolean answered() {
            return status != 0;
        }
    }

    private SignalStream(SlackClient slack, String prefix, int threadCount) {
        this.slack = slack;
        this.prefix = prefix;
        this.threads = IntStream.range(0, threadCount)
                .mapToObj(i -> new Thread(this::send, "signal-stream-" + i)).toList();
    }

    /** Starts {@code threadCount} threads that post signals whose texts start with {@code prefix}. */
    public static SignalStream start(SlackClient slack, String prefix, int threadCount) {
        var stream = new SignalStream(slack, prefix, threadCount);
        stream.threads.forEach(Thread::start);
        return stream;
    }

    private void send() {
        while (running) {
            String text = prefix + " " + sequence.incrementAndGet();
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = slack.send("/signal", text);
                outcomes.add(new Outcome(text, response.statusCode(), response.body(), null,
                        Duration.ofNanos(System.nanoTime() - started)));
            } catch (UncheckedIOException e) {
                outcomes.add(new Outcome(text, 0, "", String.valueOf(e.getCause()),
                        Duration.ofNanos(System.nanoTime() - started)));
                pause();
            }
        }
    }

    /**
     * Without an answer the next command would fail at once: the thread waits a little for the stream to close
     * instead, which keeps it off the CPUs and ends the wait as soon as the test closes the stream.
     */
    private void pause() {
        try {
            closed.await(20, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until {@code count} outcomes match {@code which} (and fails after {@code timeout}). */
    public void awaitCount(Predicate<Outcome> which, int count, Duration timeout) {
        Awaits.until(() -> outcomes.stream().filter(which).count() >= count ? Optional.of(true)
                        : Optional.<Boolean>empty(), timeout,
                () -> "Expected " + count + " such outcomes, got " + outcomes());
    }

    /** Every outcome so far, in the order the answers came. */
    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Texts of the signals the service acknowledged. */
    public List<String> acknowledged() {
        return outcomes.stream().filter(Outcome::acknowledged).map(Outcome::text).toList();
    }

    /** Stops sending and waits for the commands under way (one HTTP timeout at most). */
    @Override
    public void close() throws InterruptedException {
        running = false;
        closed.countDown();
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(35).toMillis());
        }
    }
}

package io.collectivepulse.support;

/** Waiting for what the service does after it has answered (its cards are posted after the ack). */
public final class Awaits {
    private Awaits() {
    }

    /** The platform message id of a signal's card, once the service has posted it (10 s at most). */
    public static String messageId(RunningService service, long signalId) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            String id = service.jdbi().withHandle(h -> h.createQuery("SELECT message_id FROM signal WHERE id = :id")
                    .bind("id", signalId).mapTo(String.class).findOne().orElse(null));
            if (id != null) {
                return id;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for the card of signal " + signalId, e);
            }
        }
        throw new AssertionError("The card of signal " + signalId + " was not posted within 10 s");
    }
}

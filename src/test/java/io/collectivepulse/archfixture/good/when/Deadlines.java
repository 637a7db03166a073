package io.collectivepulse.archfixture.good.when;

import java.time.Duration;
import java.time.Instant;

/** A shared reader that features use and that knows only the JDK. */
public final class Deadlines {
    private Deadlines() {
    }

    public static Instant after(Instant now, String hours) {
        return now.plus(Duration.ofHours(Long.parseLong(hours)));
    }
}

package io.collectivepulse.session;

import java.time.Duration;
import java.time.Instant;

/** A session as a facilitator describes it, checked, before it is stored. */
record Draft(String title, Instant startsAt, Duration duration, String place, String link, String guest,
             String notes) {
}

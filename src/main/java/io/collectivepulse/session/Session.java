package io.collectivepulse.session;

import java.time.Duration;
import java.time.Instant;

/**
 * One collective session of a community's cycle.
 *
 * @param number    its place in the cycle, from 1
 * @param startsAt  when it starts (planned as a local date and time in the community's time zone)
 * @param place     where it happens, plain text, or null
 * @param link      an http(s) address of the video call, or null
 * @param guest     the guest expert (intervenant ou intervenante), or null
 * @param notes     what the facilitators put on the agenda, or null
 * @param sequence  bumped at every move or change, as iCalendar's SEQUENCE
 * @param publicId  the unguessable id of its {@code .ics} address (at least 128 bits, URL-safe)
 * @param updatedAt when it was last planned, moved or cancelled (iCalendar's DTSTAMP)
 */
public record Session(long id, long communityId, int number, String title, Instant startsAt, Duration duration,
                      String place, String link, String guest, String notes, int sequence, boolean cancelled,
                      String publicId, Instant updatedAt) {
    public Instant endsAt() {
        return startsAt.plus(duration);
    }
}

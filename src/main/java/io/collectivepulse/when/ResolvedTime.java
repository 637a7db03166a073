package io.collectivepulse.when;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Arrays;
import java.util.List;

/**
 * A local date and time in a zone: the instant, and whether that local time occurs twice that day (the clocks go
 * back). Each feature says which of the two it takes, or asks for another time, with {@link #overlapArgs}.
 */
public record ResolvedTime(ZonedDateTime at, boolean ambiguous) {
    /** The refusal of a local time that does not exist (the clocks jump over it), with {@link #of}'s arguments. */
    public static final String GAP = "when.dst.gap";

    /**
     * The instant of a local date and time in {@code zone}; a time that occurs twice is the earlier one, marked
     * {@link #ambiguous}.
     *
     * @throws WhenRefusal {@link #GAP} when the time does not exist that day: the day (day, month, year), the time
     *     typed, the time to use instead (the same moment after the change) and the hours the clocks jump from and
     *     to, each time as hour and minute
     */
    public static ResolvedTime of(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = date.atTime(time);
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = zone.getRules().getTransition(local);
            LocalTime instead = local.plus(gap.getDuration()).toLocalTime();
            throw new WhenRefusal(GAP, concat(day(date), hourMinute(time), hourMinute(instead),
                    hourMinute(gap.getDateTimeBefore().toLocalTime()),
                    hourMinute(gap.getDateTimeAfter().toLocalTime())).toArray());
        }
        ZonedDateTime at = ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap();
        return new ResolvedTime(at, offsets.size() > 1);
    }

    /**
     * For an {@link #ambiguous} time, the arguments of the message that says which of the two it is: the day
     * (day, month, year), the time, its UTC offset, and the hours the clocks go back from and to.
     */
    public List<Object> overlapArgs() {
        ZoneOffsetTransition change = at.getZone().getRules().getTransition(at.toLocalDateTime());
        if (change == null) {
            throw new IllegalStateException(at + " occurs only once");
        }
        return concat(day(at.toLocalDate()), hourMinute(at.toLocalTime()), List.of(at.getOffset().getId()),
                hourMinute(change.getDateTimeAfter().toLocalTime()),
                hourMinute(change.getDateTimeBefore().toLocalTime()));
    }

    private static List<Object> day(LocalDate date) {
        return List.of(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    private static List<Object> hourMinute(LocalTime time) {
        return List.of(time.getHour(), time.getMinute());
    }

    @SafeVarargs
    private static List<Object> concat(List<Object>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }
}

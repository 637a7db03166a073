package io.collectivepulse.archfixture.bad;

import net.fortuna.ical4j.model.Calendar;

/** Root wiring that builds the calendar it serves: the root is no exception to the iCalendar rule. */
public final class CalendarRoute {
    public String body() {
        return new Calendar().toString();
    }
}

package io.collectivepulse.archfixture.bad.digest;

import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Summary;

/** A feature that writes iCalendar itself instead of leaving the format to the calendar adapter. */
final class DigestEvent {
    VEvent event(String title) {
        VEvent event = new VEvent(false);
        event.add(new Summary(title));
        return event;
    }
}

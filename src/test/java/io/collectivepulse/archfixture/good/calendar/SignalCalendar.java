package io.collectivepulse.archfixture.good.calendar;

import io.collectivepulse.archfixture.good.i18n.Texts;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Summary;

/** The calendar adapter: the one package that writes iCalendar, in the bundles' words. */
public final class SignalCalendar {
    public String render(String title) {
        VEvent event = new VEvent(false);
        event.add(new Summary(new Texts().get("calendar.summary") + " " + title));
        Calendar calendar = new Calendar();
        calendar.add(event);
        return calendar.toString();
    }
}

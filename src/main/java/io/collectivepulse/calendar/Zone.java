package io.collectivepulse.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.TzId;

/**
 * A community's time zone as its calendar files write it: local times with a TZID, and the VTIMEZONE that defines
 * that TZID, from the definitions bundled with ical4j. Without a definition (a fixed offset such as +02:00, or a
 * region newer than ical4j's data), times are written in UTC, which every application reads the same way.
 *
 * @param definition the VTIMEZONE named {@code id}, or empty for times in UTC
 */
record Zone(ZoneId id, Optional<VTimeZone> definition) {
    private static final String LIBICAL_LOCATION = "X-LIC-LOCATION";

    static Zone of(ZoneId id) {
        if (id instanceof ZoneOffset) {
            return new Zone(id, Optional.empty());
        }
        // A registry is cheap: ical4j's loader parses each bundled definition once and keeps it.
        TimeZone known = TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(id.getId());
        return new Zone(id, Optional.ofNullable(known).map(zone -> named(zone.getVTimeZone(), id.getId())));
    }

    /** The date-time of DTSTART or DTEND: local with the zone's TZID, or UTC. */
    Temporal at(Instant instant) {
        return definition.isPresent() ? instant.atZone(id) : instant;
    }

    /**
     * The definition under the name the community chose. ical4j files a link under its target (America/Montreal
     * as America/Toronto, UTC as Etc/UTC) while DTSTART and DTEND name the zone itself, and a TZID must name a
     * VTIMEZONE of the file. The rules are the same; TZURL and X-LIC-LOCATION would name the other zone, so they go.
     * The definition ical4j keeps for every caller is left as it is: the copy shares its observances, unchanged.
     */
    private static VTimeZone named(VTimeZone definition, String tzid) {
        if (definition.getTimeZoneId().getValue().equals(tzid)) {
            return definition;
        }
        PropertyList properties = new PropertyList(List.of(new TzId(tzid))).addAll(definition.getPropertyList()
                .removeAll(Property.TZID, Property.TZURL, LIBICAL_LOCATION).getAll());
        return new VTimeZone(properties, definition.getComponentList());
    }
}

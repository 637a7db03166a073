package io.collectivepulse.calendar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collectivepulse.community.Community;
import io.collectivepulse.session.Session;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyListAccessor;
import net.fortuna.ical4j.model.TimeZoneUpdater;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.util.Configurator;
import net.fortuna.ical4j.validate.ValidationEntry;
import net.fortuna.ical4j.validate.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The calendar files read back with ical4j's parser and checked with its validator: what each property holds, local
 * times on both sides of a daylight saving change, member text that tries to break the file, folding at 75 octets,
 * and the outline of files that real calendar applications export (the conformance samples).
 */
class SessionCalendarTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId MONTREAL = ZoneId.of("America/Montreal");
    private static final Community PAIRS_RH = new Community(7, "Pairs RH; Nouvelle-Aquitaine, Limousin",
            Locale.FRENCH, PARIS, Instant.parse("2026-09-01T08:00:00Z"));
    private static final Community PEERS_QC = new Community(8, "IT peers — Montréal", Locale.ENGLISH, MONTREAL,
            Instant.parse("2026-09-01T12:00:00Z"));
    private static final Instant UPDATED = Instant.parse("2027-03-01T09:30:15.250Z");
    private static final String PLACE = "Salle 4, Maison des associations";
    private static final String VIDEO_CALL = "https://visio.example.org/pairs-rh?room=42&lang=fr";
    private static final LocalDateTime MARCH_25 = LocalDateTime.of(2027, 3, 25, 14, 0);
    /** Where the conformance samples are, on the test class path (src/test/resources). */
    private static final String SAMPLES = "/conformance/icalendar";

    @Test
    void anEventHoldsTheSessionAndAReminder() throws Exception {
        Session session = session(PAIRS_RH, 3, "Recrutement : les entretiens", MARCH_25);

        Calendar calendar = parse(SessionCalendar.event(session, PAIRS_RH, "1. Tour de table\n2. Cas pratique",
                Optional.empty()));

        assertValid(calendar);
        assertThat(values(calendar)).containsExactlyInAnyOrderEntriesOf(Map.of("PRODID",
                "-//Collective Pulse//Sessions//FR", "VERSION", "2.0", "CALSCALE", "GREGORIAN", "METHOD", "PUBLISH"));
        VEvent event = onlyEvent(calendar);
        assertThat(values(event)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "UID", "s3-Q2hW9kTz0pLxV3cA@collective-pulse",
                "DTSTAMP", "20270301T093015Z",
                "DTSTART", "20270325T140000",
                "DTEND", "20270325T153000",
                "SUMMARY", "Séance 3 — Recrutement : les entretiens",
                "LOCATION", PLACE,
                "URL", VIDEO_CALL,
                "DESCRIPTION", "1. Tour de table\n2. Cas pratique",
                "SEQUENCE", "0",
                "STATUS", "CONFIRMED"));
        VAlarm alarm = onlyAlarm(event);
        assertThat(values(alarm)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ACTION", "DISPLAY", "TRIGGER", "-PT1H", "DESCRIPTION", "Séance 3 — Recrutement : les entretiens"));
    }

    @Test
    void anEnglishCommunityReadsSessionAndTheEmptyPartsAreLeftOut() throws Exception {
        Session session = session(PEERS_QC, 1, "Budget review", LocalDateTime.of(2027, 5, 6, 18, 30), null, null, 0,
                false);

        Calendar calendar = parse(SessionCalendar.event(session, PEERS_QC, "  \n ", Optional.empty()));

        assertValid(calendar);
        assertThat(value(calendar, "PRODID")).isEqualTo("-//Collective Pulse//Sessions//EN");
        VEvent event = onlyEvent(calendar);
        assertThat(value(event, "SUMMARY")).isEqualTo("Session 1 — Budget review");
        assertThat(value(onlyAlarm(event), "DESCRIPTION")).isEqualTo("Session 1 — Budget review");
        assertThat(event.getProperties("LOCATION", "URL", "DESCRIPTION", "ORGANIZER", "ATTENDEE")).isEmpty();
    }

    @Test
    void aSessionWithoutTitleIsNamedByItsNumber() throws Exception {
        Session session = session(PAIRS_RH, 4, " \t ", MARCH_25);

        VEvent event = onlyEvent(parse(SessionCalendar.event(session, PAIRS_RH, "", Optional.empty())));

        assertThat(value(event, "SUMMARY")).isEqualTo("Séance 4");
    }

    @ParameterizedTest(name = "{0} in Paris is {1}")
    @CsvSource({"2027-03-25T14:00, 2027-03-25T13:00:00Z", "2027-04-01T14:00, 2027-04-01T12:00:00Z"})
    void parisTimesStayLocalOnBothSidesOfTheSpringChange(LocalDateTime local, Instant instant) throws Exception {
        String ics = SessionCalendar.event(session(PAIRS_RH, 1, "Atelier", local), PAIRS_RH, "", Optional.empty());

        assertThat(ics).contains("\r\nDTSTART;TZID=Europe/Paris:" + local.toLocalDate().toString().replace("-", "")
                + "T140000\r\n");
        Calendar calendar = parse(ics);
        assertValid(calendar);
        assertStartsAt(onlyEvent(calendar), "Europe/Paris", local, instant);
        assertThat(timeZoneIds(calendar)).containsExactly("Europe/Paris");
    }

    @ParameterizedTest(name = "{0} in Montreal is {1}")
    @CsvSource({"2027-03-11T18:30, 2027-03-11T23:30:00Z", "2027-03-18T18:30, 2027-03-18T22:30:00Z"})
    void montrealKeepsItsOwnNameThoughIcal4jFilesItUnderToronto(LocalDateTime local, Instant instant)
            throws Exception {
        Calendar calendar = parse(SessionCalendar.event(session(PEERS_QC, 2, "Cloud costs", local), PEERS_QC, "",
                Optional.empty()));

        assertValid(calendar);
        assertStartsAt(onlyEvent(calendar), "America/Montreal", local, instant);
        assertThat(timeZoneIds(calendar)).containsExactly("America/Montreal");
        VTimeZone zone = calendar.<VTimeZone>getComponent(Component.VTIMEZONE).orElseThrow();
        assertThat(zone.getProperties("TZURL", "X-LIC-LOCATION")).isEmpty();
    }

    @Test
    void aCancelledSessionKeepsItsUidWithAHigherSequence() throws Exception {
        Session planned = session(PAIRS_RH, 2, "Paie", MARCH_25);
        Session cancelled = session(PAIRS_RH, 2, "Paie", MARCH_25, PLACE, VIDEO_CALL, 4, true);

        VEvent before = onlyEvent(parse(SessionCalendar.event(planned, PAIRS_RH, "", Optional.empty())));
        Calendar calendar = parse(SessionCalendar.event(cancelled, PAIRS_RH, "", Optional.empty()));

        assertValid(calendar);
        VEvent after = onlyEvent(calendar);
        assertThat(value(after, "UID")).isEqualTo(value(before, "UID"));
        assertThat(value(after, "SEQUENCE")).isEqualTo("4");
        assertThat(value(after, "STATUS")).isEqualTo("CANCELLED");
        assertThat(after.getAlarms()).as("no reminder of a cancelled session").isEmpty();
    }

    @Test
    void aFeedHoldsEverySessionOfTheCycleInLocalTime() throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int number = 1; number <= 8; number++) {
            LocalDateTime local = LocalDateTime.of(2027, 3, 4, 14, 0).plusWeeks(number - 1);
            sessions.add(session(PAIRS_RH, number, "Thème " + number, local, PLACE, VIDEO_CALL, 1, number == 6));
        }

        Calendar calendar = parse(SessionCalendar.feed(PAIRS_RH, sessions, s -> "Ordre du jour " + s.number()));

        assertValid(calendar);
        assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("Pairs RH; Nouvelle-Aquitaine, Limousin");
        assertThat(value(calendar, "X-WR-TIMEZONE")).isEqualTo("Europe/Paris");
        assertThat(timeZoneIds(calendar)).containsExactly("Europe/Paris");
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(8);
        for (int i = 0; i < 8; i++) {
            VEvent event = events.get(i);
            LocalDateTime local = LocalDateTime.of(2027, 3, 4, 14, 0).plusWeeks(i);
            // Summer time starts on 28 March 2027: 14:00 in Paris is 13:00 UTC before, 12:00 UTC after.
            Instant utc = local.toInstant(local.isBefore(LocalDateTime.of(2027, 3, 28, 0, 0))
                    ? ZoneOffset.ofHours(1) : ZoneOffset.ofHours(2));
            assertStartsAt(event, "Europe/Paris", local, utc);
            assertThat(value(event, "SUMMARY")).isEqualTo("Séance " + (i + 1) + " — Thème " + (i + 1));
            assertThat(value(event, "DESCRIPTION")).isEqualTo("Ordre du jour " + (i + 1));
            assertThat(value(event, "STATUS")).isEqualTo(i + 1 == 6 ? "CANCELLED" : "CONFIRMED");
            assertThat(event.getAlarms()).hasSize(i + 1 == 6 ? 0 : 1);
        }
        assertThat(events.stream().map(event -> value(event, "UID")).distinct()).hasSize(8);
    }

    @Test
    void aFeedWithoutSessionsIsStillAValidCalendar() throws Exception {
        Calendar calendar = parse(SessionCalendar.feed(PAIRS_RH, List.of(), session -> ""));

        assertValid(calendar);
        assertThat(calendar.getComponents(Component.VEVENT)).isEmpty();
        assertThat(timeZoneIds(calendar)).containsExactly("Europe/Paris");
    }

    @Test
    void linesEndWithCrlfAndHoldAtMost75Octets() throws Exception {
        String title = "Élaboration d’une stratégie régionale d’égalité — réécriture préalable des critères ".repeat(3)
                + "🎉🎉🎉";
        Session session = session(PAIRS_RH, 9, title, MARCH_25, "Médiathèque é".repeat(20), VIDEO_CALL, 0, false);
        String agenda = "Préambule\nÉchanges à bâtons rompus, très détaillés ; ".repeat(6) + "😀".repeat(40);

        List<Session> cycle = List.of(session, session(PAIRS_RH, 10, title, MARCH_25));
        for (String ics : List.of(SessionCalendar.event(session, PAIRS_RH, agenda, Optional.empty()),
                SessionCalendar.feed(PAIRS_RH, cycle, s -> agenda))) {
            assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
            assertThat(ics.replace("\r\n", "")).doesNotContain("\r", "\n");
            String[] lines = ics.split("\r\n");
            assertThat(lines).allSatisfy(line -> {
                assertThat(line.getBytes(UTF_8).length).as(line).isLessThanOrEqualTo(ContentLines.MAX_OCTETS);
                assertThat(line.codePoints()).as("no character cut in two")
                        .noneMatch(cp -> Character.getType(cp) == Character.SURROGATE);
            });
            assertThat(lines).as("long lines were folded").anyMatch(line -> line.startsWith(" "));
            VEvent event = parse(ics).<VEvent>getComponents(Component.VEVENT).get(0);
            assertThat(value(event, "SUMMARY")).isEqualTo("Séance 9 — " + title.strip());
            assertThat(value(event, "DESCRIPTION")).isEqualTo(agenda);
        }
    }

    @Test
    void memberTextCannotBreakTheFile() throws Exception {
        String title = "Budget, \"RH\"; <!channel> \\n \\ fin\u0000\u0007 ok\r\nDTSTART:19700101T000000Z\nEND:VEVENT";
        String place = "Salle 2;\nbâtiment B, \\ étage\u0000";
        String agenda = "Point 1; point 2, point 3\r\n<!channel> \\ \u0000fin\tcompte rendu\nEND:VCALENDAR";
        Session session = session(PAIRS_RH, 5, title, MARCH_25, place, VIDEO_CALL, 0, false);

        String ics = SessionCalendar.event(session, PAIRS_RH, agenda, Optional.empty());

        assertThat(ics).doesNotContain("\u0000", "\u0007");
        String summary = "Séance 5 — Budget, \"RH\"; <!channel> \\n \\ fin ok DTSTART:19700101T000000Z END:VEVENT";
        assertThat(ics.replace("\r\n ", "")).contains("\r\nSUMMARY:Séance 5 — Budget\\, \"RH\"\\; <!channel> \\\\n"
                + " \\\\ fin ok DTSTART:19700101T000000Z END:VEVENT\r\n");
        Calendar calendar = parse(ics);
        assertValid(calendar);
        assertThat(calendar.getComponents()).hasSize(2);
        VEvent event = onlyEvent(calendar);
        assertThat(event.getProperties("DTSTART")).hasSize(1);
        assertThat(value(event, "SUMMARY")).isEqualTo(summary);
        assertThat(value(event, "LOCATION")).isEqualTo("Salle 2; bâtiment B, \\ étage");
        assertThat(value(event, "DESCRIPTION"))
                .isEqualTo("Point 1; point 2, point 3\n<!channel> \\ fin compte rendu\nEND:VCALENDAR");
        assertThat(value(onlyAlarm(event), "DESCRIPTION")).isEqualTo(summary);
    }

    @Test
    void onlyAnAbsoluteWebAddressBecomesTheEventUrl() throws Exception {
        for (String link : List.of("javascript:alert(1)", "ftp://files.example.org/x", "visio demain",
                "https://visio.example.org/a b", "https:///no-host", "")) {
            Session session = session(PAIRS_RH, 1, "Atelier", MARCH_25, PLACE, link, 0, false);
            VEvent event = onlyEvent(parse(SessionCalendar.event(session, PAIRS_RH, "", Optional.empty())));
            assertThat(event.getProperties("URL")).as(link).isEmpty();
        }
        Session session = session(PAIRS_RH, 1, "Atelier", MARCH_25, PLACE, " HTTP://Visio.example.org/r/1 ", 0, false);
        VEvent event = onlyEvent(parse(SessionCalendar.event(session, PAIRS_RH, "", Optional.empty())));
        assertThat(value(event, "URL")).isEqualTo("HTTP://Visio.example.org/r/1");
    }

    @Test
    void theSessionAddressIsTheCalendarSource() throws Exception {
        Session session = session(PAIRS_RH, 3, "Atelier", MARCH_25);
        URI address = URI.create("https://pulse.example.org/seances/s3-Q2hW9kTz0pLxV3cA.ics");

        Calendar calendar = parse(SessionCalendar.event(session, PAIRS_RH, "", Optional.of(address)));

        assertValid(calendar);
        assertThat(value(calendar, "SOURCE")).isEqualTo(address.toString());
        assertThat(parse(SessionCalendar.event(session, PAIRS_RH, "", Optional.empty())).getProperties("SOURCE"))
                .isEmpty();
    }

    @Test
    void aZoneIcal4jCannotDefineIsWrittenInUtc() throws Exception {
        Community offset = new Community(9, "Pairs", Locale.FRENCH, ZoneOffset.ofHours(2), UPDATED);

        String ics = SessionCalendar.event(session(offset, 1, "Atelier", MARCH_25), offset, "", Optional.empty());

        assertThat(ics).contains("\r\nDTSTART:20270325T120000Z\r\n").doesNotContain("TZID");
        Calendar calendar = parse(ics);
        assertValid(calendar);
        assertThat(timeZoneIds(calendar)).isEmpty();
    }

    @Test
    void aSessionOfAnotherCommunityIsRefused() {
        Session montreal = session(PEERS_QC, 1, "Budget review", MARCH_25);

        assertThatThrownBy(() -> SessionCalendar.event(montreal, PAIRS_RH, "", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionCalendar.feed(PAIRS_RH, List.of(montreal), session -> ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** iTIP's PUBLISH (RFC 5546) wants an ORGANIZER; the bot knows no address to give, and applications do without. */
    @Test
    void asAnItipMessageOnlyTheOrganizerIsMissing() throws Exception {
        Calendar calendar = parse(SessionCalendar.event(session(PAIRS_RH, 1, "Atelier", MARCH_25), PAIRS_RH, "",
                Optional.empty()));

        assertThat(calendar.validate().getEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.getSeverity()).isEqualTo(ValidationEntry.Severity.ERROR);
            assertThat(entry.getMessage()).endsWith(": ORGANIZER");
        });
    }

    @Test
    void timeZoneDefinitionsAreNeverDownloaded() {
        assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled")).contains("false");
        assertThat(new TimeZoneUpdater().isEnabled()).isFalse();
    }

    @Test
    void realClientFilesParseWithTheSameBuilder() throws Exception {
        List<Path> samples = samples();

        assertThat(samples).hasSize(4);
        for (Path sample : samples) {
            Calendar calendar = parse(sample);
            assertThat(calendar.getComponents(Component.VEVENT)).as(sample.toString()).isNotEmpty();
            assertTimeZonesDefined(calendar);
        }
    }

    @Test
    void ourOutlineIsTheOneOfClientExports() throws Exception {
        Calendar ours = parse(SessionCalendar.event(session(PAIRS_RH, 1, "Atelier", MARCH_25), PAIRS_RH, "Ordre",
                Optional.empty()));
        Calendar outlook = parse(sample("ical4j.Standup.ics"));
        Calendar evolution = parse(sample("ical4j.evolution2.ics"));

        assertThat(outline(ours)).containsExactly("VTIMEZONE", "VEVENT > VALARM")
                .isEqualTo(outline(outlook)).isEqualTo(outline(evolution));
        assertTimeZonesDefined(ours);
        VAlarm ourAlarm = onlyAlarm(onlyEvent(ours));
        VAlarm outlookAlarm = onlyAlarm(onlyEvent(outlook));
        assertThat(names(ourAlarm)).isEqualTo(names(outlookAlarm)).containsExactlyInAnyOrder(
                "ACTION", "TRIGGER", "DESCRIPTION");
        for (VAlarm alarm : List.of(ourAlarm, outlookAlarm, onlyAlarm(onlyEvent(evolution)))) {
            assertThat(value(alarm, "ACTION")).isEqualTo("DISPLAY");
            assertThat(value(alarm, "TRIGGER")).startsWith("-P");
        }
        for (Calendar calendar : List.of(ours, outlook, evolution)) {
            assertThat(value(onlyEvent(calendar), "DTSTAMP")).endsWith("Z");
        }
    }

    private static Session session(Community community, int number, String title, LocalDateTime local) {
        return session(community, number, title, local, PLACE, VIDEO_CALL, 0, false);
    }

    /** A session of 90 minutes planned at a local date and time of the community's zone. */
    private static Session session(Community community, int number, String title, LocalDateTime local, String place,
                                   String link, int sequence, boolean cancelled) {
        Instant startsAt = local.atZone(community.timeZone()).toInstant();
        return new Session(100 + number, community.id(), number, title, startsAt, Duration.ofMinutes(90), place, link,
                null, null, sequence, cancelled, "s" + number + "-Q2hW9kTz0pLxV3cA", UPDATED);
    }

    /** The one parser set-up of these tests, for our files and the conformance samples alike. */
    private static Calendar parse(Reader ics) throws IOException, ParserException {
        return new CalendarBuilder().build(ics);
    }

    private static Calendar parse(String ics) throws IOException, ParserException {
        return parse(new StringReader(ics));
    }

    private static Calendar parse(Path file) throws IOException, ParserException {
        try (Reader in = Files.newBufferedReader(file, UTF_8)) {
            return parse(in);
        }
    }

    /**
     * ical4j's validation finds nothing against RFC 5545, and as an iTIP message (RFC 5546, what METHOD:PUBLISH
     * asks for) nothing but the ORGANIZER (see {@link #asAnItipMessageOnlyTheOrganizerIsMissing}).
     */
    private static void assertValid(Calendar calendar) throws ValidationException {
        Calendar withoutMethod = new Calendar(calendar.getPropertyList().removeAll(Property.METHOD),
                calendar.getComponentList());
        assertThat(withoutMethod.validate().getEntries()).isEmpty();
        assertThat(calendar.validate().getEntries()).allSatisfy(entry -> assertThat(entry.getMessage())
                .endsWith(": ORGANIZER"));
    }

    private static void assertStartsAt(VEvent event, String tzid, LocalDateTime local, Instant instant) {
        DateProperty<?> start = event.getRequiredProperty(Property.DTSTART);
        assertThat(start.getParameter(Parameter.TZID).map(Parameter::getValue)).contains(tzid);
        ZonedDateTime startsAt = (ZonedDateTime) start.getDate();
        assertThat(startsAt.toLocalDateTime()).isEqualTo(local);
        assertThat(startsAt.toInstant()).isEqualTo(instant);
    }

    /** Every TZID that a DTSTART or DTEND names is defined by a VTIMEZONE of the same file. */
    private static void assertTimeZonesDefined(Calendar calendar) {
        Set<String> defined = Set.copyOf(timeZoneIds(calendar));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events.stream().flatMap(event -> event.<Property>getProperties(Property.DTSTART, Property.DTEND)
                .stream()).flatMap(date -> date.getParameter(Parameter.TZID).stream()).map(Parameter::getValue))
                .allSatisfy(tzid -> assertThat(defined).contains(tzid));
    }

    private static List<String> timeZoneIds(Calendar calendar) {
        return calendar.<VTimeZone>getComponents(Component.VTIMEZONE).stream()
                .map(zone -> zone.getTimeZoneId().getValue()).toList();
    }

    /** The components in order, an event with its alarms: "VTIMEZONE", "VEVENT > VALARM". */
    private static List<String> outline(Calendar calendar) {
        return calendar.getComponents().stream()
                .map(component -> component instanceof VEvent event
                        ? Stream.concat(Stream.of(event.getName()), event.getAlarms().stream().map(Component::getName))
                                .collect(Collectors.joining(" > "))
                        : component.getName())
                .toList();
    }

    private static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static VAlarm onlyAlarm(VEvent event) {
        assertThat(event.getAlarms()).hasSize(1);
        return event.getAlarms().get(0);
    }

    private static String value(PropertyListAccessor container, String name) {
        return container.getProperty(name).map(Property::getValue).orElse(null);
    }

    /** Each property's name and value, for containers that hold each property once. */
    private static Map<String, String> values(PropertyListAccessor container) {
        return container.<Property>getProperties().stream()
                .collect(Collectors.toMap(Property::getName, Property::getValue));
    }

    private static Set<String> names(PropertyListAccessor container) {
        return container.<Property>getProperties().stream().map(Property::getName).collect(Collectors.toSet());
    }

    private static List<Path> samples() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(Path.of(SessionCalendarTest.class.getResource(SAMPLES).toURI()))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".ics")).sorted().toList();
        }
    }

    private static Path sample(String name) throws IOException, URISyntaxException {
        return samples().stream().filter(file -> file.getFileName().toString().equals(name)).findFirst().orElseThrow();
    }
}

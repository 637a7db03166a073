package io.collectivepulse.welcome;

import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Form;
import io.collectivepulse.community.Community;
import io.collectivepulse.digest.DigestCommands;
import io.collectivepulse.digest.DigestSettings;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.when.WhenFormat;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The settings form and what a submission of it says: every field a choice among values the form offered (but the
 * digest's time, typed), each checked before anything is saved.
 */
final class SettingsForm {
    /** The form's submission; its value is the community's id. */
    static final String SAVE = "settings.save";
    static final String DIGEST_DAY = "digest_day";
    static final String DIGEST_TIME = "digest_time";
    static final String TIME_ZONE = "time_zone";
    static final String LANGUAGE = "language";
    static final String REMINDERS = "reminders";
    static final String MEMBER_WELCOME = "member_welcome";
    static final String OFF = "off";
    static final String ON = "on";
    /** The zones a French-speaking community most likely lives in; the community's own is added when elsewhere. */
    static final List<String> ZONES = List.of("Europe/Paris", "Europe/Brussels", "Europe/Luxembourg",
            "Europe/Zurich", "Europe/London", "Africa/Casablanca", "Africa/Abidjan", "Africa/Dakar", "America/Toronto",
            "America/Guadeloupe", "America/Martinique", "America/Cayenne", "America/Miquelon", "Indian/Reunion",
            "Indian/Mayotte", "Pacific/Noumea", "Pacific/Tahiti", "Pacific/Wallis", "UTC");
    private static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH);
    /** The reminder choices, by their codes, each named by a key of the bundles. */
    private static final Map<String, String> REMINDER_CHOICES = reminderChoices();

    private SettingsForm() {
    }

    /**
     * What is set now.
     *
     * @param reminders      the reminder codes, {@code J-7 J-1 H-1}; empty when off
     * @param reminderLabels the same as members read them in the form's language
     */
    record Current(DigestSettings digest, ZoneId zone, Locale language, String reminders, String reminderLabels,
                   boolean welcomesMembers) {
    }

    /**
     * A submission that holds: the digest's day and time (no day: no digest), zone, language, reminder codes (none:
     * off) and whether new members are welcomed.
     */
    record Choices(Optional<DayOfWeek> day, LocalTime time, ZoneId zone, Locale language, List<String> reminders,
                   boolean welcomesMembers) {
    }

    /** The form, in the community's language, starting on what is set now. */
    static Form of(Community community, Current current, Messages messages) {
        Locale locale = messages.locale();
        DigestSettings digest = current.digest();
        return new Form(messages.get("settings.form.title"), messages.get("settings.form.submit"), SAVE,
                Long.toString(community.id()), List.of(
                Form.Field.choice(DIGEST_DAY, messages.get("settings.digestDay"),
                        digest.enabled() ? digest.day().name() : OFF, days(messages)),
                new Form.Field(DIGEST_TIME, messages.get("settings.digestTime"),
                        messages.get("settings.digestTime.hint"), WhenFormat.time(digest.time(), locale), false, 20,
                        false),
                Form.Field.choice(TIME_ZONE, messages.get("settings.timeZone"), current.zone().getId(),
                        zones(current.zone(), locale)),
                Form.Field.choice(LANGUAGE, messages.get("settings.language"), current.language().getLanguage(),
                        LANGUAGES.stream().map(language -> new Form.Choice(language.getLanguage(),
                                capitalized(language.getDisplayLanguage(language), language))).toList()),
                Form.Field.choice(REMINDERS, messages.get("settings.reminders"),
                        current.reminders().isEmpty() ? OFF : current.reminders(), reminders(current, messages)),
                Form.Field.choice(MEMBER_WELCOME, messages.get("settings.memberWelcome"),
                        current.welcomesMembers() ? ON : OFF,
                        List.of(new Form.Choice(ON, messages.get("settings.memberWelcome.on")),
                                new Form.Choice(OFF, messages.get("settings.memberWelcome.off"))))));
    }

    /** What the submission chose, or what to say next to each field that does not hold. */
    static Optional<Choices> read(ButtonPress press, Current current, Messages messages, Map<String, String> errors) {
        String day = press.field(DIGEST_DAY);
        Optional<DayOfWeek> digestDay = Arrays.stream(DayOfWeek.values()).filter(d -> d.name().equals(day))
                .findFirst();
        if (digestDay.isEmpty() && !OFF.equals(day)) {
            errors.put(DIGEST_DAY, messages.get("settings.error.choice"));
        }
        Optional<LocalTime> time = DigestCommands.time(press.field(DIGEST_TIME));
        if (time.isEmpty() && digestDay.isPresent()) {
            errors.put(DIGEST_TIME, messages.get("settings.error.time"));
        }
        Optional<ZoneId> zone = zone(press.field(TIME_ZONE));
        Optional<Locale> language = LANGUAGES.stream()
                .filter(locale -> locale.getLanguage().equals(press.field(LANGUAGE))).findFirst();
        String reminders = press.field(REMINDERS);
        boolean reminderOffered = OFF.equals(reminders) || REMINDER_CHOICES.containsKey(reminders)
                || !reminders.isEmpty() && reminders.equals(current.reminders());
        String welcomes = press.field(MEMBER_WELCOME);
        choice(errors, TIME_ZONE, zone.isPresent(), messages);
        choice(errors, LANGUAGE, language.isPresent(), messages);
        choice(errors, REMINDERS, reminderOffered, messages);
        choice(errors, MEMBER_WELCOME, ON.equals(welcomes) || OFF.equals(welcomes), messages);
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Choices(digestDay, time.orElse(current.digest().time()), zone.get(), language.get(),
                OFF.equals(reminders) ? List.of() : List.of(reminders.split(" ")), ON.equals(welcomes)));
    }

    private static void choice(Map<String, String> errors, String field, boolean offered, Messages messages) {
        if (!offered) {
            errors.put(field, messages.get("settings.error.choice"));
        }
    }

    private static List<Form.Choice> days(Messages messages) {
        List<Form.Choice> days = new ArrayList<>();
        Arrays.stream(DayOfWeek.values()).forEach(day -> days.add(new Form.Choice(day.name(),
                capitalized(day.getDisplayName(TextStyle.FULL, messages.locale()), messages.locale()))));
        days.add(new Form.Choice(OFF, messages.get("settings.digestDay.off")));
        return days;
    }

    private static List<Form.Choice> zones(ZoneId current, Locale locale) {
        return Stream.concat(ZONES.contains(current.getId()) ? Stream.empty() : Stream.of(current.getId()),
                        ZONES.stream())
                .map(id -> new Form.Choice(id, zoneLabel(ZoneId.of(id), locale))).toList();
    }

    private static List<Form.Choice> reminders(Current current, Messages messages) {
        List<Form.Choice> reminders = new ArrayList<>();
        if (!current.reminders().isEmpty() && !REMINDER_CHOICES.containsKey(current.reminders())) {
            reminders.add(new Form.Choice(current.reminders(),
                    messages.get("settings.reminders.current", current.reminderLabels())));
        }
        REMINDER_CHOICES.forEach((codes, key) -> reminders.add(new Form.Choice(codes, messages.get(key))));
        reminders.add(new Form.Choice(OFF, messages.get("settings.reminders.off")));
        return reminders;
    }

    private static Optional<ZoneId> zone(String id) {
        if (id.isEmpty() || id.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** "Europe/Paris — heure d'Europe centrale". */
    private static String zoneLabel(ZoneId zone, Locale locale) {
        String name = zone.getDisplayName(TextStyle.FULL, locale);
        return name.equals(zone.getId()) ? zone.getId() : zone.getId() + " — " + name;
    }

    private static String capitalized(String text, Locale locale) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }

    private static Map<String, String> reminderChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put("J-7 J-1 H-1", "settings.reminders.weekDayHour");
        choices.put("J-7 J-1", "settings.reminders.weekDay");
        choices.put("J-1 H-1", "settings.reminders.dayHour");
        choices.put("J-1", "settings.reminders.day");
        choices.put("H-1", "settings.reminders.hour");
        return choices;
    }
}

package io.collectivepulse.welcome;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Form;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.digest.DigestCommands;
import io.collectivepulse.digest.DigestService;
import io.collectivepulse.digest.DigestSettings;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.session.SessionService;
import io.collectivepulse.when.WhenFormat;
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
 * A community's settings as one form, for its facilitators, opened from the button on their home: the day and time
 * of the weekly digest, the time zone, the language, the reminders before sessions and the welcome of new members.
 * Every value is chosen from a list but the time; a submission is checked as a whole, and either every setting
 * changes, through the feature that owns it, or none does.
 */
final class CommunitySettings {
    /** The button on a facilitator's home; its value is the community's id. */
    static final String OPEN = "settings.open";
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
    /** The reminder choices, by their codes, each named by a key of the bundles. */
    private static final Map<String, String> REMINDER_CHOICES = reminderChoices();
    private static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH);

    private final Database database;
    private final CommunityService communities;
    private final DigestService digests;
    private final SessionService sessions;
    private final WelcomeService welcome;
    private final HomeService home;

    CommunitySettings(Database database, CommunityService communities, DigestService digests,
                      SessionService sessions, WelcomeService welcome, HomeService home) {
        this.database = database;
        this.communities = communities;
        this.digests = digests;
        this.sessions = sessions;
        this.welcome = welcome;
        this.home = home;
    }

    /** The settings button: the form, filled in with what is set now; a refusal for anyone but facilitators. */
    Reply open(ButtonPress press) {
        Optional<Community> found = community(press);
        if (found.isEmpty()) {
            return Reply.privately(Card.text(communities.messages(Optional.empty()).get("settings.gone")));
        }
        Community community = found.get();
        Messages messages = Messages.of(community.locale());
        if (!communities.isFacilitator(community, press.actor())) {
            return Reply.privately(Card.text(messages.get("pulse.facilitatorsOnly")));
        }
        return Reply.form(form(community, messages), Card.text(messages.get("settings.formUnavailable",
                press.actor().platform().commandPrefix())));
    }

    /** The submitted form: every setting saved, or field errors and nothing saved. */
    Reply save(ButtonPress press) {
        Optional<Community> found = community(press);
        if (found.isEmpty()) {
            return Reply.privately(Card.text(communities.messages(Optional.empty()).get("settings.gone")));
        }
        Community community = found.get();
        Messages messages = Messages.of(community.locale());
        Actor actor = press.actor();
        if (!communities.isFacilitator(community, actor)) {
            return Reply.privately(Card.text(messages.get("pulse.facilitatorsOnly")));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String day = press.field(DIGEST_DAY);
        Optional<DayOfWeek> digestDay = Arrays.stream(DayOfWeek.values()).filter(d -> d.name().equals(day))
                .findFirst();
        if (digestDay.isEmpty() && !OFF.equals(day)) {
            errors.put(DIGEST_DAY, messages.get("settings.error.choice"));
        }
        Optional<LocalTime> time = DigestCommands.time(press.field(DIGEST_TIME));
        if (time.isEmpty() && !OFF.equals(day)) {
            errors.put(DIGEST_TIME, messages.get("settings.error.time"));
        }
        Optional<ZoneId> zone = zone(press.field(TIME_ZONE));
        if (zone.isEmpty()) {
            errors.put(TIME_ZONE, messages.get("settings.error.choice"));
        }
        Optional<Locale> language = LANGUAGES.stream()
                .filter(locale -> locale.getLanguage().equals(press.field(LANGUAGE))).findFirst();
        if (language.isEmpty()) {
            errors.put(LANGUAGE, messages.get("settings.error.choice"));
        }
        String reminders = press.field(REMINDERS);
        if (!reminders.equals(OFF) && (reminders.isBlank() || !REMINDER_CHOICES.containsKey(reminders)
                && !reminders.equals(String.join(" ", sessions.reminderCodes(community))))) {
            errors.put(REMINDERS, messages.get("settings.error.choice"));
        }
        String welcomes = press.field(MEMBER_WELCOME);
        if (!welcomes.equals(ON) && !welcomes.equals(OFF)) {
            errors.put(MEMBER_WELCOME, messages.get("settings.error.choice"));
        }
        if (!errors.isEmpty()) {
            return Reply.fieldErrors(errors);
        }
        Community saved = database.inTransaction(() -> {
            Community changed = communities.setLocale(community, actor, language.get()).orElseThrow();
            if (!zone.get().equals(changed.timeZone())) {
                changed = communities.setTimeZone(changed, actor, zone.get()).orElseThrow();
            }
            DigestSettings current = digests.settings(changed);
            digests.change(changed, actor, digestDay.isEmpty() ? current.off()
                    : new DigestSettings(digestDay.get(), time.get(), true)).orElseThrow();
            List<String> codes = reminders.equals(OFF) ? List.of() : List.of(reminders.split(" "));
            if (!sessions.setReminders(changed, actor, codes)) {
                throw new IllegalStateException("Reminders " + codes + " refused for community " + changed.id());
            }
            welcome.welcomeMembers(changed, actor, welcomes.equals(ON)).orElseThrow();
            if (press.channel().isDirect()) {
                // Opened from the Home tab: the tab is drawn again with what is now set.
                home.opened(actor);
            }
            return changed;
        });
        if (press.channel().isDirect()) {
            return Reply.none();
        }
        Messages now = Messages.of(saved.locale());
        return Reply.privately(Card.text(now.get("settings.saved", saved.name(), describe(saved, now))));
    }

    /** The form, in the community's language, starting on what is set now. */
    Form form(Community community, Messages messages) {
        Locale locale = messages.locale();
        DigestSettings digest = digests.settings(community);
        List<Form.Choice> days = new ArrayList<>();
        Arrays.stream(DayOfWeek.values()).forEach(day -> days.add(new Form.Choice(day.name(),
                capitalized(day.getDisplayName(TextStyle.FULL, locale), locale))));
        days.add(new Form.Choice(OFF, messages.get("settings.digestDay.off")));
        List<Form.Choice> zones = Stream.concat(
                        ZONES.contains(community.timeZone().getId()) ? Stream.empty()
                                : Stream.of(community.timeZone().getId()), ZONES.stream())
                .map(id -> new Form.Choice(id, zoneLabel(ZoneId.of(id), locale))).toList();
        List<Form.Choice> languages = LANGUAGES.stream()
                .map(language -> new Form.Choice(language.getLanguage(),
                        capitalized(language.getDisplayLanguage(language), language)))
                .toList();
        String currentReminders = String.join(" ", sessions.reminderCodes(community));
        List<Form.Choice> reminders = new ArrayList<>();
        if (!currentReminders.isEmpty() && !REMINDER_CHOICES.containsKey(currentReminders)) {
            reminders.add(new Form.Choice(currentReminders, messages.get("settings.reminders.current",
                    sessions.reminderLabels(sessions.reminderCodes(community), locale))));
        }
        REMINDER_CHOICES.forEach((codes, key) -> reminders.add(new Form.Choice(codes, messages.get(key))));
        reminders.add(new Form.Choice(OFF, messages.get("settings.reminders.off")));
        return new Form(messages.get("settings.form.title"), messages.get("settings.form.submit"), SAVE,
                Long.toString(community.id()), List.of(
                Form.Field.choice(DIGEST_DAY, messages.get("settings.digestDay"),
                        digest.enabled() ? digest.day().name() : OFF, days),
                new Form.Field(DIGEST_TIME, messages.get("settings.digestTime"), messages.get("settings.digestTime.hint"),
                        WhenFormat.time(digest.time(), locale), false, 20, false),
                Form.Field.choice(TIME_ZONE, messages.get("settings.timeZone"), community.timeZone().getId(), zones),
                Form.Field.choice(LANGUAGE, messages.get("settings.language"), community.locale().getLanguage(),
                        languages),
                Form.Field.choice(REMINDERS, messages.get("settings.reminders"),
                        currentReminders.isEmpty() ? OFF : currentReminders, reminders),
                Form.Field.choice(MEMBER_WELCOME, messages.get("settings.memberWelcome"),
                        welcome.welcomesMembers(community) ? ON : OFF,
                        List.of(new Form.Choice(ON, messages.get("settings.memberWelcome.on")),
                                new Form.Choice(OFF, messages.get("settings.memberWelcome.off"))))));
    }

    /** The settings in one sentence's parts: digest, zone, language, reminders, welcome. */
    private String describe(Community community, Messages messages) {
        Locale locale = messages.locale();
        DigestSettings digest = digests.settings(community);
        String when = digest.enabled()
                ? messages.get("settings.saved.digest", digest.day().getDisplayName(TextStyle.FULL, locale),
                WhenFormat.time(digest.time(), locale))
                : messages.get("settings.digestDay.off");
        String codes = sessions.reminderLabels(sessions.reminderCodes(community), locale);
        return messages.get("settings.saved.details", when, community.timeZone().getId(),
                community.locale().getDisplayLanguage(locale),
                codes.isEmpty() ? messages.get("settings.reminders.off") : codes,
                messages.get(welcome.welcomesMembers(community) ? "home.settings.on" : "home.settings.off"));
    }

    private Optional<Community> community(ButtonPress press) {
        try {
            return communities.find(Long.parseLong(press.value()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<ZoneId> zone(String id) {
        if (id.isEmpty() || id.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (java.time.DateTimeException e) {
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

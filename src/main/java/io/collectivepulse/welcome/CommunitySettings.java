package io.collectivepulse.welcome;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.digest.DigestService;
import io.collectivepulse.digest.DigestSettings;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.session.SessionService;
import io.collectivepulse.when.WhenFormat;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A community's settings as one form ({@link SettingsForm}), for its facilitators, opened from the button on their
 * home: the day and time of the weekly digest, the time zone, the language, the reminders before sessions and the
 * welcome of new members. A submission is checked as a whole; then every setting changes, through the feature that
 * owns it, in one transaction, or none does.
 */
final class CommunitySettings {
    /** The button on a facilitator's home; its value is the community's id. */
    static final String OPEN = "settings.open";

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
        return facilitated(press, (community, messages) -> Reply.form(
                SettingsForm.of(community, current(community, messages.locale()), messages),
                Card.text(messages.get("settings.formUnavailable", press.actor().platform().commandPrefix()))));
    }

    /** The submitted form: every setting saved, or field errors and nothing saved. */
    Reply save(ButtonPress press) {
        return facilitated(press, (community, messages) -> {
            Map<String, String> errors = new LinkedHashMap<>();
            Optional<SettingsForm.Choices> choices = SettingsForm.read(press,
                    current(community, messages.locale()), messages, errors);
            if (choices.isEmpty()) {
                return Reply.fieldErrors(errors);
            }
            Community saved = database.inTransaction(() -> {
                Community changed = apply(community, press.actor(), choices.get());
                if (press.channel().isDirect()) {
                    // Opened from the Home tab: the tab, drawn again, shows what is now set.
                    home.opened(press.actor());
                }
                return changed;
            });
            if (press.channel().isDirect()) {
                return Reply.none();
            }
            Messages now = Messages.of(saved.locale());
            return Reply.privately(Card.text(now.get("settings.saved", saved.name(), describe(saved, now))));
        });
    }

    /** Each setting through the feature that owns it; a refusal of any undoes them all. */
    private Community apply(Community community, Actor actor, SettingsForm.Choices choices) {
        Community changed = communities.setLocale(community, actor, choices.language()).orElseThrow();
        if (!choices.zone().equals(changed.timeZone())) {
            changed = communities.setTimeZone(changed, actor, choices.zone()).orElseThrow();
        }
        DigestSettings digest = choices.day().map(day -> new DigestSettings(day, choices.time(), true))
                .orElseGet(() -> digests.settings(community).off());
        digests.change(changed, actor, digest).orElseThrow();
        if (!sessions.setReminders(changed, actor, choices.reminders())) {
            throw new IllegalStateException("Reminders " + choices.reminders() + " refused in " + changed.id());
        }
        welcome.welcomeMembers(changed, actor, choices.welcomesMembers()).orElseThrow();
        return changed;
    }

    /** What {@code then} answers, for a facilitator of the community the press names; a refusal otherwise. */
    private Reply facilitated(ButtonPress press, BiFunction<Community, Messages, Reply> then) {
        Optional<Community> found;
        try {
            found = communities.find(Long.parseLong(press.value()));
        } catch (NumberFormatException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            return Reply.privately(Card.text(communities.messages(Optional.empty()).get("settings.gone")));
        }
        Messages messages = Messages.of(found.get().locale());
        if (!communities.isFacilitator(found.get(), press.actor())) {
            return Reply.privately(Card.text(messages.get("pulse.facilitatorsOnly")));
        }
        return then.apply(found.get(), messages);
    }

    /** What is set now, read from the features that own each setting. */
    private SettingsForm.Current current(Community community, Locale locale) {
        List<String> codes = sessions.reminderCodes(community);
        return new SettingsForm.Current(digests.settings(community), community.timeZone(), community.locale(),
                String.join(" ", codes), sessions.reminderLabels(codes, locale), welcome.welcomesMembers(community));
    }

    /** The settings in one sentence's parts: digest, zone, language, reminders, welcome. */
    private String describe(Community community, Messages messages) {
        Locale locale = messages.locale();
        DigestSettings digest = digests.settings(community);
        String when = digest.enabled()
                ? messages.get("settings.saved.digest", digest.day().getDisplayName(TextStyle.FULL, locale),
                WhenFormat.time(digest.time(), locale))
                : messages.get("settings.digestDay.off");
        String reminders = sessions.reminderLabels(sessions.reminderCodes(community), locale);
        return messages.get("settings.saved.details", when, community.timeZone().getId(),
                community.locale().getDisplayLanguage(locale),
                reminders.isEmpty() ? messages.get("settings.reminders.off") : reminders,
                messages.get(welcome.welcomesMembers(community) ? "home.settings.on" : "home.settings.off"));
    }
}

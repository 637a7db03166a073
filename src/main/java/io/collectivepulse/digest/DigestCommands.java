package io.collectivepulse.digest;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityCommands;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.router.CommandEntry.Flag;
import io.collectivepulse.router.Feature;
import io.collectivepulse.router.Registry;
import io.collectivepulse.router.Request;
import io.collectivepulse.router.Router;
import io.collectivepulse.router.Words;
import io.collectivepulse.when.WhenFormat;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /pulse synthèse} ({@code synthese}, or {@code digest} in English): shows when the weekly digest goes out;
 * facilitators change it with {@code synthèse <jour> <heure>}, stop it with {@code synthèse off} and preview it
 * with {@code synthèse aperçu}.
 */
public final class DigestCommands implements Feature {
    static final Words DIGEST = Words.of("synthèse", "digest");
    static final Words OFF = Words.of("off", "off", "arret", "stop");
    static final Words PREVIEW = Words.of("aperçu", "preview");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?:[h:.](\\d{2})?)?(am|pm)?");
    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("lundi", DayOfWeek.MONDAY), Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("mardi", DayOfWeek.TUESDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("mercredi", DayOfWeek.WEDNESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("jeudi", DayOfWeek.THURSDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("vendredi", DayOfWeek.FRIDAY), Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("samedi", DayOfWeek.SATURDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("dimanche", DayOfWeek.SUNDAY), Map.entry("sunday", DayOfWeek.SUNDAY));

    private final CommunityService communities;
    private final DigestService digests;

    public DigestCommands(CommunityService communities, DigestService digests) {
        this.communities = communities;
        this.digests = digests;
    }

    @Override
    public void register(Registry registry) {
        registry.command(Router.DEFAULT_ROOT, DIGEST, "help.digest", CommunityCommands.linked(communities, this::digest),
                Flag.FACILITATORS, Flag.TEAMS_MENU);
    }

    private Reply digest(Request request, Community community) {
        Messages messages = Messages.of(community.locale());
        String argument = request.argument();
        String first = Words.firstWord(argument);
        if (first.isEmpty()) {
            return status(request, community, messages, digests.settings(community));
        }
        if (PREVIEW.matches(first)) {
            return digests.preview(community, request.actor(), request.prefix()).map(Reply::privately)
                    .orElseGet(() -> request.privately(messages, "pulse.facilitatorsOnly"));
        }
        if (OFF.matches(first)) {
            return digests.change(community, request.actor(), digests.settings(community).off())
                    .map(off -> Reply.publicly(Card.text(messages.get("digest.off", request.prefix()))))
                    .orElseGet(() -> request.privately(messages, "pulse.facilitatorsOnly"));
        }
        Optional<DayOfWeek> day = Optional.ofNullable(DAYS.get(first));
        Optional<LocalTime> time = time(Words.afterFirstWord(argument).strip());
        if (day.isEmpty() || time.isEmpty()) {
            return request.privately(messages, "digest.usage", request.prefix());
        }
        return digests.change(community, request.actor(), new DigestSettings(day.get(), time.get(), true))
                .map(changed -> status(request, community, messages, changed))
                .orElseGet(() -> request.privately(messages, "pulse.facilitatorsOnly"));
    }

    private Reply status(Request request, Community community, Messages messages, DigestSettings settings) {
        if (!settings.enabled()) {
            return request.privately(messages, "digest.status.off", request.prefix());
        }
        String day = settings.day().getDisplayName(TextStyle.FULL, messages.locale());
        String time = WhenFormat.time(settings.time(), messages.locale());
        String next = digests.next(community)
                .map(at -> WhenFormat.dateTime(at.atZone(community.timeZone()), messages.locale()))
                .orElse("—");
        return request.privately(messages, "digest.status", day, time, community.timeZone().getId(), next,
                request.prefix());
    }

    /**
     * {@code 9h}, {@code 9 h 30}, {@code 09:00}, {@code 18.45}, {@code 9} or {@code 2:30 pm}: what members type and
     * what {@link io.collectivepulse.when.WhenFormat#time} writes, in either language.
     */
    public static Optional<LocalTime> time(String text) {
        Matcher m = TIME.matcher(text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (m.group(3) != null) {
            if (hour < 1 || hour > 12) {
                return Optional.empty();
            }
            hour = hour % 12 + (m.group(3).equals("pm") ? 12 : 0);
        }
        return hour < 24 && minute < 60 ? Optional.of(LocalTime.of(hour, minute)) : Optional.empty();
    }
}

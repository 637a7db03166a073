package io.collectivepulse.command;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.digest.DigestService;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /pulse digest}: shows when the weekly digest goes out; facilitators change it with
 * {@code digest <jour> <heure>}, stop it with {@code digest off} and preview it with {@code digest aperçu}.
 */
final class DigestCommand {
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?:[h:.](\\d{2})?)?", Pattern.CASE_INSENSITIVE);

    private final CommunityService communities;
    private final DigestService digests;

    DigestCommand(CommunityService communities, DigestService digests) {
        this.communities = communities;
        this.digests = digests;
    }

    Reply handle(CommandContext context, Community community) {
        String argument = context.argument();
        String first = Keywords.firstWord(argument);
        var actor = context.command().actor();
        if (first.isEmpty()) {
            return status(context, community);
        }
        if (Keywords.PREVIEW.contains(first)) {
            return digests.preview(community, actor, context.prefix()).map(Reply::privately)
                    .orElseGet(() -> context.privately("pulse.facilitatorsOnly"));
        }
        if (Keywords.OFF.contains(first)) {
            return communities.setDigest(community, actor, community.digestDay(), community.digestTime(), false)
                    .map(changed -> {
                        digests.plan(changed);
                        return Reply.publicly(Card.text(context.messages().get("digest.off", context.prefix())));
                    })
                    .orElseGet(() -> context.privately("pulse.facilitatorsOnly"));
        }
        Optional<DayOfWeek> day = Keywords.day(first);
        Optional<LocalTime> time = time(Keywords.afterFirstWord(argument).strip());
        if (day.isEmpty() || time.isEmpty()) {
            return context.privately("digest.usage", context.prefix());
        }
        return communities.setDigest(community, actor, day.get(), time.get(), true)
                .map(changed -> {
                    digests.plan(changed);
                    return status(context, changed);
                })
                .orElseGet(() -> context.privately("pulse.facilitatorsOnly"));
    }

    private Reply status(CommandContext context, Community community) {
        var messages = context.messages();
        if (!community.digestEnabled()) {
            return context.privately("digest.status.off", context.prefix());
        }
        String day = community.digestDay().getDisplayName(TextStyle.FULL, messages.locale());
        String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(messages.locale())
                .format(community.digestTime());
        String next = digests.next(community)
                .map(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                        .withLocale(messages.locale()).withZone(community.timeZone())::format)
                .orElse("—");
        return Reply.privately(Card.text(messages.get("digest.status", day, time, community.timeZone().getId(), next,
                context.prefix())));
    }

    /** {@code 9h}, {@code 9h30}, {@code 09:00}, {@code 18.45} or {@code 9}. */
    static Optional<LocalTime> time(String text) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        return hour < 24 && minute < 60 ? Optional.of(LocalTime.of(hour, minute)) : Optional.empty();
    }
}

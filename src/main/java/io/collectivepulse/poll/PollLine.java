package io.collectivepulse.poll;

import io.collectivepulse.when.WhenRefusal;
import io.collectivepulse.when.WhenWords;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a facilitator typed after {@code /sondage} (or {@code sondage} in a Teams message), split into the
 * question, the options and the {@link PollSettings}, before the rules of {@link PollDraft} are checked. Two
 * forms:
 * <ul>
 * <li>quoted: {@code "Question ?" "Option A" "Option B" anonyme plusieurs fin vendredi 17h}, with any of the
 * quotes {@link PollQuotes} reads, perhaps with bars between them; the question may also be left bare before
 * the first quoted option when the line has no bar ({@code Question ? "A" "B"}). The settings are the words
 * after the last option, and only there;</li>
 * <li>with bars, when the line does not begin with a quote: {@code Question ? | A | B | anonyme fin 2j}. The
 * settings are the end of the last part, after a bar of their own or after the last option
 * ({@code … | B anonyme fin 2j}), as {@link PollSettings#start} finds them; an option that ends with one of
 * those words is written in the quoted form.</li>
 * </ul>
 */
record PollLine(String question, List<String> options, PollSettings settings) {
    /** Bars between quoted texts, which are not needed but do no harm: {@code "Q ?" | "A" | "B"}. */
    private static final Pattern BARS = Pattern.compile("[| ]+");
    private static final Pattern LEADING_BARS = Pattern.compile("^[| ]+");

    PollLine {
        options = List.copyOf(options);
    }

    /**
     * The parts of a line already {@link WhenWords#clean}ed.
     *
     * @throws WhenRefusal when the line has neither quotes nor bars, a quote is not closed, words stand between
     *     two options, or the settings are wrong
     */
    static PollLine read(String line, ZoneId zone, Instant now) {
        boolean startsQuoted = !line.isEmpty() && PollQuotes.opensAt(line, 0);
        if (startsQuoted || (!line.contains("|") && PollQuotes.hasQuotes(line))) {
            return quoted(PollQuotes.segments(line), zone, now);
        }
        if (line.contains("|")) {
            return barred(line, zone, now);
        }
        throw new WhenRefusal(line.isEmpty() ? "poll.line.empty" : "poll.line.noOptions");
    }

    private static PollLine quoted(List<PollQuotes.Segment> segments, ZoneId zone, Instant now) {
        int last = segments.size() - 1;
        while (!segments.get(last).quoted()) {
            last--;
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            PollQuotes.Segment segment = segments.get(i);
            if (!segment.quoted() && i > 0 && BARS.matcher(segment.text()).matches()) {
                continue;
            }
            if (!segment.quoted() && i > 0) {
                throw new WhenRefusal("poll.line.between", WhenWords.excerpt(segment.text()));
            }
            texts.add(segment.text());
        }
        PollSettings settings = last == segments.size() - 1 ? PollSettings.NONE
                : PollSettings.read(WhenWords.of(LEADING_BARS.matcher(segments.get(last + 1).text()).replaceFirst("")),
                        zone, now);
        return new PollLine(texts.get(0), texts.subList(1, texts.size()), settings);
    }

    private static PollLine barred(String line, ZoneId zone, Instant now) {
        List<String> parts = new ArrayList<>(Arrays.stream(line.split("\\|", -1)).map(String::strip).toList());
        String lastPart = parts.get(parts.size() - 1);
        int start = PollSettings.start(lastPart, zone, now);
        if (start < 0) {
            return new PollLine(parts.get(0), parts.subList(1, parts.size()), PollSettings.NONE);
        }
        WhenWords words = WhenWords.of(lastPart);
        String option = words.typedRun(start);
        words.skip(start);
        PollSettings settings = PollSettings.read(words, zone, now);
        if (option.isEmpty()) {
            parts.remove(parts.size() - 1);
        } else {
            parts.set(parts.size() - 1, option);
        }
        return new PollLine(parts.get(0), parts.subList(1, parts.size()), settings);
    }
}

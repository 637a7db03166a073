package io.collectivepulse.poll;

import io.collectivepulse.chat.MemberText;
import io.collectivepulse.when.WhenRefusal;
import io.collectivepulse.when.WhenWords;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A poll as a facilitator launches it, checked: the rules are written here once, for the one-line command
 * ({@link #fromLine}) and the form ({@link #fromFields}). The texts are {@link MemberText#clean}ed and put on
 * one line (every run of blanks and line breaks becomes one space, invisible characters are dropped), and kept
 * as typed otherwise:
 * {@code <!channel>}, {@code <https://evil|ici>} or HTML stay plain text, which the renderers escape.
 *
 * <p>Limits, counted in characters as {@link MemberText#length} counts them: a question of 1 to
 * {@value #MAX_QUESTION}; {@value #MIN_OPTIONS} to {@value #MAX_OPTIONS} options of 1 to {@value #MAX_OPTION}
 * each, no two the same once case, accents and blanks are ignored. The option limit is set for the cards: an
 * option with its bar and count fits a Slack section (3,000 characters) even when escaping makes every
 * character five, and ten of them with the question stay far below Slack's 50 blocks and Teams' card size; a
 * button (75 characters on Slack) has to show the option's number or a shortened label, not the whole option. The
 * deadline is optional, from {@link PollDeadline#SHORTEST} to {@link PollDeadline#LONGEST} ahead.
 *
 * @param endsAt when the poll closes by itself, or null when only a facilitator closes it
 */
record PollDraft(String question, List<String> options, boolean anonymous, boolean multiple, Instant endsAt) {
    static final int MAX_QUESTION = 300;
    static final int MAX_OPTION = 150;
    static final int MIN_OPTIONS = 2;
    static final int MAX_OPTIONS = 10;
    /** The ids of the form's fields; a refusal names {@link #QUESTION}, {@link #OPTIONS} or {@link #DEADLINE}. */
    static final String QUESTION = "question", OPTIONS = "options", ANONYMOUS = "anonymous", MULTIPLE = "multiple",
            DEADLINE = "deadline";
    private static final Pattern BULLET = Pattern.compile("^[-•*] +");
    private static final Pattern IGNORED = Pattern.compile("[\\p{M}\\p{Cf}\\s]+");

    PollDraft {
        options = List.copyOf(options);
    }

    /** Either the draft or a refusal: an i18n key ({@code poll.*} or {@code when.*}), its arguments, its field. */
    sealed interface Parsed {
        record Ok(PollDraft draft) implements Parsed {
        }

        /** {@code field} is one of {@link #QUESTION}, {@link #OPTIONS}, {@link #DEADLINE}. */
        record Refused(String key, List<Object> args, String field) implements Parsed {
            public Refused {
                args = List.copyOf(args);
            }
        }
    }

    /** The text typed after {@code /sondage}; see {@link PollLine} for its forms and {@link PollDeadline}. */
    static Parsed fromLine(String text, ZoneId zone, Instant now) {
        try {
            PollLine line = PollLine.read(WhenWords.clean(MemberText.clean(text)), zone, now);
            check(line.question(), line.options());
            PollSettings settings = line.settings();
            return new Parsed.Ok(new PollDraft(line.question(), line.options(), settings.anonymous(),
                    settings.multiple(), settings.endsAt()));
        } catch (WhenRefusal refusal) {
            return refused(refusal);
        }
    }

    /**
     * The form: its question, its options one per line (blank lines and leading bullets {@code -}, {@code •},
     * {@code *} ignored), its two check boxes and its deadline, as typed after {@code fin} ({@code fin} itself
     * may be typed; empty for none).
     */
    static Parsed fromFields(String question, String optionsOnePerLine, boolean anonymous, boolean multiple,
                             String deadline, ZoneId zone, Instant now) {
        List<String> options = new ArrayList<>();
        for (String line : MemberText.clean(optionsOnePerLine).split("\n")) {
            String option = BULLET.matcher(WhenWords.clean(line)).replaceFirst("");
            if (!option.isEmpty()) {
                options.add(option);
            }
        }
        String cleanQuestion = WhenWords.clean(MemberText.clean(question));
        try {
            check(cleanQuestion, options);
            WhenWords words = WhenWords.of(WhenWords.clean(MemberText.clean(deadline)));
            words.skipAny(PollDeadline.WORDS);
            Instant endsAt = words.atEnd() ? null : PollDeadline.read(words, zone, now);
            return new Parsed.Ok(new PollDraft(cleanQuestion, options, anonymous, multiple, endsAt));
        } catch (WhenRefusal refusal) {
            return refused(refusal);
        }
    }

    /** The rules on the question and the options, the same whatever form they came in. */
    private static void check(String question, List<String> options) {
        int length = MemberText.length(question);
        if (length == 0) {
            throw new WhenRefusal("poll.question.empty");
        }
        if (length > MAX_QUESTION) {
            throw new WhenRefusal("poll.question.tooLong", length, MAX_QUESTION);
        }
        int count = options.size();
        if (count < MIN_OPTIONS || count > MAX_OPTIONS) {
            throw new WhenRefusal(count < MIN_OPTIONS ? "poll.options.tooFew" : "poll.options.tooMany", count,
                    count < MIN_OPTIONS ? MIN_OPTIONS : MAX_OPTIONS);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String option = options.get(i);
            if (option.isEmpty()) {
                throw new WhenRefusal("poll.option.empty", i + 1);
            }
            if (MemberText.length(option) > MAX_OPTION) {
                throw new WhenRefusal("poll.option.tooLong", i + 1, MemberText.length(option), MAX_OPTION);
            }
            Integer same = seen.putIfAbsent(sameness(option), i + 1);
            if (same != null) {
                throw new WhenRefusal("poll.options.duplicate", same, i + 1, WhenWords.excerpt(option));
            }
        }
    }

    /** What two options that look the same share: no case, accents, blanks or invisible characters. */
    private static String sameness(String option) {
        String decomposed = Normalizer.normalize(option, Normalizer.Form.NFKD);
        return IGNORED.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static Parsed refused(WhenRefusal refusal) {
        String key = refusal.key();
        String field = key.startsWith("poll.question.") ? QUESTION
                : key.startsWith("poll.deadline.") || key.startsWith("when.") ? DEADLINE : OPTIONS;
        return new Parsed.Refused(key, refusal.args(), field);
    }
}

package io.collectivepulse.poll;

import io.collectivepulse.when.WhenRefusal;
import io.collectivepulse.when.WhenWords;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/**
 * The words after a poll's options in the one-line command, in any order: {@code anonyme} ({@code anonymous}),
 * {@code plusieurs} ({@code multiple}) and {@code fin} ({@code ends}) followed by the deadline, which runs up to
 * the next of these words. A poll without them is public, single-choice and open until a facilitator closes it.
 */
record PollSettings(boolean anonymous, boolean multiple, Instant endsAt) {
    static final PollSettings NONE = new PollSettings(false, false, null);
    private static final Set<String> ANONYMOUS = Set.of("anonyme", "anonymous");
    private static final Set<String> MULTIPLE = Set.of("plusieurs", "multiple");

    /**
     * All the words from the cursor on, read as settings.
     *
     * @throws WhenRefusal at a word that is not a setting, a deadline given twice or a deadline that is wrong
     */
    static PollSettings read(WhenWords words, ZoneId zone, Instant now) {
        boolean anonymous = false;
        boolean multiple = false;
        Instant endsAt = null;
        while (!words.atEnd()) {
            String word = words.folded(0);
            if (!isSetting(word)) {
                throw new WhenRefusal("poll.line.unknownWord", WhenWords.excerpt(words.typedRun(1)));
            }
            words.skip(1);
            anonymous |= ANONYMOUS.contains(word);
            multiple |= MULTIPLE.contains(word);
            if (PollDeadline.WORDS.contains(word)) {
                if (endsAt != null) {
                    throw new WhenRefusal("poll.deadline.twice");
                }
                endsAt = deadline(words, zone, now);
            }
        }
        return new PollSettings(anonymous, multiple, endsAt);
    }

    /**
     * Where the settings begin among the words of the last part of a {@code |} line, or -1 when there are none:
     * at the first {@code fin} followed by something that begins like a deadline (read strictly from there, so
     * that a mistyped deadline is refused rather than taken for the end of an option), or else at the first
     * {@code anonyme} or {@code plusieurs} from which every word is a setting ({@code Plusieurs fois par semaine}
     * stays an option).
     */
    static int start(String part, ZoneId zone, Instant now) {
        WhenWords words = WhenWords.of(part);
        for (int at = 0; !words.atEnd(); at++, words.skip(1)) {
            String word = words.folded(0);
            if (PollDeadline.WORDS.contains(word) && PollDeadline.beginsAt(words, 1)) {
                return at;
            }
            if (ANONYMOUS.contains(word) || MULTIPLE.contains(word)) {
                int mark = words.mark();
                try {
                    read(words, zone, now);
                    return at;
                } catch (WhenRefusal notSettings) {
                    words.reset(mark);
                }
            }
        }
        return -1;
    }

    private static boolean isSetting(String folded) {
        return ANONYMOUS.contains(folded) || MULTIPLE.contains(folded) || PollDeadline.WORDS.contains(folded);
    }

    /** The deadline's words, up to the next setting word, all read. */
    private static Instant deadline(WhenWords words, ZoneId zone, Instant now) {
        int count = 0;
        while (count < words.remaining() && !isSetting(words.folded(count))) {
            count++;
        }
        if (count == 0) {
            throw new WhenRefusal("poll.deadline.missing");
        }
        Instant endsAt = PollDeadline.read(WhenWords.of(words.typedRun(count)), zone, now);
        words.skip(count);
        return endsAt;
    }
}

package io.collectivepulse.poll;

import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Form;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.router.Words;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The poll form, which {@code /sondage} alone opens: a Slack modal, a Teams input card. Its fields are the ones
 * {@link PollDraft#fromFields} reads and names in its refusals. Forms have text inputs only: "anonymous" and
 * "several answers" are answered oui or non (empty: non).
 */
final class PollForm {
    static final String CREATE = "poll-form.create";
    /** What counts as yes in the two yes-or-no fields, compared without case or accents. */
    private static final Set<String> YES = Set.of("oui", "o", "yes", "y", "x", "anonyme", "anonymous", "plusieurs",
            "multiple", "1", "vrai", "true");
    private static final int YES_OR_NO_LENGTH = 10;

    private PollForm() {
    }

    static Form form(Messages messages) {
        return new Form(messages.get("poll.form.title"), messages.get("poll.form.submit"), CREATE, "", List.of(
                new Form.Field(PollDraft.QUESTION, messages.get("poll.form.question"),
                        messages.get("poll.form.question.hint"), null, false, PollDraft.MAX_QUESTION, false),
                new Form.Field(PollDraft.OPTIONS, messages.get("poll.form.options"),
                        messages.get("poll.form.options.hint"), null, true,
                        PollDraft.MAX_OPTIONS * (PollDraft.MAX_OPTION + 1), false),
                yesOrNo(PollDraft.ANONYMOUS, messages.get("poll.form.anonymous"), messages),
                yesOrNo(PollDraft.MULTIPLE, messages.get("poll.form.multiple"), messages),
                new Form.Field(PollDraft.DEADLINE, messages.get("poll.form.deadline"),
                        messages.get("poll.form.deadline.hint"), null, false, 40, true)));
    }

    /** The draft the submitted form describes, or the refusal naming its field. */
    static PollDraft.Parsed read(ButtonPress submitted, ZoneId zone, Instant now) {
        return PollDraft.fromFields(submitted.field(PollDraft.QUESTION), submitted.field(PollDraft.OPTIONS),
                yes(submitted.field(PollDraft.ANONYMOUS)), yes(submitted.field(PollDraft.MULTIPLE)),
                submitted.field(PollDraft.DEADLINE), zone, now);
    }

    static boolean yes(String typed) {
        return YES.contains(Words.fold(typed.strip()));
    }

    private static Form.Field yesOrNo(String id, String label, Messages messages) {
        return new Form.Field(id, label, messages.get("poll.form.yesOrNo"), null, false, YES_OR_NO_LENGTH, true);
    }
}

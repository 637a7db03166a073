package io.collectivepulse.poll;

import io.collectivepulse.chat.Button;
import io.collectivepulse.chat.Card;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What polls look like: the poll card in the channels (live bars, a vote button per option; closed, the final
 * bars and no vote button), the results posted at the close, the list of open polls, and who voted what on a poll
 * that is not anonymous. Member text (question, options, names) stays plain text: the renderers escape it.
 */
final class PollCards {
    private PollCards() {
    }

    /** The poll card as it stands, in the channels. */
    static Card card(Messages messages, Community community, Poll poll, Tally tally, Instant now) {
        return draw(messages, community, poll, tally, now, Optional.empty());
    }

    /**
     * The card as the member who voted alone sees it: their choices marked, each with a button to take it back.
     * Shown in place of the card on Teams, as an ephemeral message on Slack; never kept.
     */
    static Card view(Messages messages, Community community, Votes.Ballot ballot, Instant now) {
        return draw(messages, community, ballot.poll(), ballot.tally(), now, Optional.of(ballot.mine()));
    }

    private static Card draw(Messages messages, Community community, Poll poll, Tally tally, Instant now,
                             Optional<Set<Integer>> mine) {
        String id = Long.toString(poll.id());
        List<Card.Item> items = new ArrayList<>();
        String rules = PollLines.rules(messages, poll, community.timeZone(), now);
        items.add(new Card.Item(poll.question(), rules, List.of()));
        for (Tally.Option option : tally.options()) {
            boolean chosen = mine.map(m -> m.contains(option.position())).orElse(false);
            String text = PollLines.option(messages, tally, option)
                    + (chosen ? "\n" + messages.get("poll.view.chosen") : "");
            List<Button> vote = poll.closed() ? List.of() : List.of(chosen
                    ? Button.personal(messages.get("poll.button.drop"), PollActions.DROP + option.position(), id)
                    : Button.personal(messages.get("poll.button.vote"), PollActions.VOTE + option.position(), id));
            items.add(new Card.Item(text, null, List.of(), vote, false));
        }
        items.add(summary(messages, poll, tally, id));
        String footer = poll.closed() ? null : messages.get(mine.isPresent() ? "poll.view.footer" : "poll.card.footer");
        return new Card(messages.get("poll.card.title", poll.number()), items, footer);
    }

    /** The number of voters, and the buttons that act on the whole poll. */
    private static Card.Item summary(Messages messages, Poll poll, Tally tally, String id) {
        List<Button> buttons = new ArrayList<>();
        if (!poll.closed()) {
            buttons.add(Button.personal(messages.get("poll.button.withdraw"), PollActions.WITHDRAW, id));
        }
        if (!poll.anonymous()) {
            buttons.add(Button.action(messages.get("poll.button.voters"), PollActions.VOTERS, id));
        }
        if (!poll.closed()) {
            // For facilitators: among the secondary actions (Teams' "…"; Slack keeps a lone one as a button), and
            // personal, so that Teams answers a member's refusal to them alone.
            buttons.add(Button.personal(messages.get("poll.button.close"), PollActions.CLOSE, id).inOverflow());
        }
        String voters = PollLines.voters(messages, tally);
        return new Card.Item(poll.closed() ? messages.get("poll.card.closed", voters) : voters, null, List.of(),
                buttons, false);
    }

    /** The results posted in each channel when the poll closes, and shown by {@code /sondage résultats}. */
    static Card results(Messages messages, Poll poll, Tally tally) {
        List<Card.Item> items = new ArrayList<>();
        items.add(Card.Item.of(poll.question()));
        tally.options().forEach(option -> items.add(Card.Item.of(PollLines.option(messages, tally, option))));
        items.add(Card.Item.of(PollLines.voters(messages, tally)));
        return new Card(messages.get("poll.results.title", poll.number()), items,
                messages.get(poll.anonymous() ? "poll.results.anonymous" : "poll.results.footer"));
    }

    /** {@code /sondage liste}: the open polls, each with its n°, voters and deadline. */
    static Card list(Messages messages, Community community, List<PollService.Counted> open, Instant now) {
        List<Card.Item> items = new ArrayList<>();
        for (PollService.Counted counted : open) {
            Poll poll = counted.poll();
            String rules = PollLines.rules(messages, poll, community.timeZone(), now);
            String meta = messages.get("poll.list.meta", poll.number(), PollLines.voters(messages, counted.tally()))
                    + (rules == null ? "" : " · " + rules);
            items.add(new Card.Item(poll.question(), meta, List.of()));
        }
        return new Card(messages.get("poll.list.title", community.name()), items, messages.get("poll.list.footer"));
    }

    /** Who chose each option of a poll that is not anonymous, for the facilitator who asked. */
    static Card names(Messages messages, Votes.Named named) {
        List<Card.Item> items = new ArrayList<>();
        items.add(Card.Item.of(named.poll().question()));
        Map<Integer, List<String>> names = named.names();
        for (Tally.Option option : named.tally().options()) {
            List<String> who = names.getOrDefault(option.position(), List.of());
            items.add(new Card.Item(who.isEmpty() ? messages.get("poll.names.none") : String.join(", ", who),
                    messages.get("poll.names.option", option.label(), option.votes()), List.of()));
        }
        return new Card(messages.get("poll.names.title", named.poll().number()), items, null);
    }
}

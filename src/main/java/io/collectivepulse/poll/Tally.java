package io.collectivepulse.poll;

import java.util.List;

/**
 * A poll's count as it stands (frozen once it is closed).
 *
 * @param options the options in order, each with its count
 * @param voters  how many members voted (in a multiple-choice poll, fewer than the votes)
 */
record Tally(List<Option> options, int voters) {
    Tally {
        options = List.copyOf(options);
    }

    /** One option and how many members chose it. */
    record Option(int position, String label, int votes) {
    }

    /** The option's share of the voters, in whole percent (0 when nobody voted). */
    int percent(Option option) {
        return voters == 0 ? 0 : Math.round(100f * option.votes() / voters);
    }
}

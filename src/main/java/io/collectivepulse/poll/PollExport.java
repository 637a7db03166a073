package io.collectivepulse.poll;

import io.collectivepulse.community.Community;
import java.time.Instant;
import java.util.List;

/**
 * What a poll's CSV file holds, read when its link is used: the poll, its count as it stands then and, for a poll
 * that is not anonymous only, who chose each option.
 *
 * @param asOf    when the count was read (an open poll's count changes after it)
 * @param voters  how many members voted
 * @param options the options in order
 */
public record PollExport(Community community, Poll poll, Instant asOf, int voters, List<Option> options) {
    public PollExport {
        options = List.copyOf(options);
    }

    /**
     * One option.
     *
     * @param percent its share of the voters, in whole percent, as the cards show it
     * @param names   who chose it, in alphabetical order; always empty for an anonymous poll
     */
    public record Option(String label, int votes, int percent, List<String> names) {
        public Option {
            names = List.copyOf(names);
        }
    }
}

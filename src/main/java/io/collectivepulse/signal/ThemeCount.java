package io.collectivepulse.signal;

import java.util.List;

/** A theme, how many signals and resources carry it, and who took it up for the next session. */
public record ThemeCount(String name, int count, List<String> claimants) {
    public ThemeCount {
        claimants = List.copyOf(claimants);
    }
}

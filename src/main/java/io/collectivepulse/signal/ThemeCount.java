package io.collectivepulse.signal;

/** A theme and how many signals and resources carry it. */
public record ThemeCount(String name, int count) {
}

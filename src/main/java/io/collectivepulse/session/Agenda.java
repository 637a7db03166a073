package io.collectivepulse.session;

import io.collectivepulse.signal.Signal;
import io.collectivepulse.signal.ThemeCount;
import java.util.List;
import java.util.Set;

/** What the shared watch brings to a session: signals and the themes taken up. */
record Agenda(List<Signal> signals, List<ThemeCount> themes) {
    boolean isEmpty() {
        return signals.isEmpty() && themes.isEmpty();
    }

    boolean contains(AgendaItem item) {
        return signals.stream().anyMatch(s -> AgendaItem.of(s).equals(item))
                || themes.stream().anyMatch(t -> AgendaItem.of(t).equals(item));
    }

    Agenda without(Set<AgendaItem> items) {
        return new Agenda(signals.stream().filter(s -> !items.contains(AgendaItem.of(s))).toList(),
                themes.stream().filter(t -> !items.contains(AgendaItem.of(t))).toList());
    }

    Agenda only(Set<AgendaItem> items) {
        return new Agenda(signals.stream().filter(s -> items.contains(AgendaItem.of(s))).toList(),
                themes.stream().filter(t -> items.contains(AgendaItem.of(t))).toList());
    }
}

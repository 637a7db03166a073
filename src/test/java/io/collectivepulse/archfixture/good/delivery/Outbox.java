package io.collectivepulse.archfixture.good.delivery;

import java.util.ArrayList;
import java.util.List;

/** What the bot owes a channel. */
public final class Outbox {
    private final List<String> rows = new ArrayList<>();

    public void owe(String kind, long id) {
        rows.add(kind + ":" + id);
    }
}

package io.collectivepulse.archfixture.good.router;

import io.collectivepulse.archfixture.good.chat.Card;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Where features register their keywords. */
public final class Router {
    private final Map<String, Function<String, Card>> commands = new HashMap<>();

    public void register(String keyword, Function<String, Card> command) {
        commands.put(keyword, command);
    }
}

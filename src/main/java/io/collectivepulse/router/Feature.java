package io.collectivepulse.router;

/**
 * A feature of the bot as the router sees it: it declares, in one place, its commands (root, sub-command words in
 * French and English, help entries), the action-id prefix of its buttons and the ids of its forms.
 */
@FunctionalInterface
public interface Feature {
    void register(Registry registry);
}

package io.collectivepulse.router;

import io.collectivepulse.chat.Reply;

/** Answers one registered command: parses {@link Request#argument()}, calls a service verb, returns a reply. */
@FunctionalInterface
public interface CommandHandler {
    Reply handle(Request request);
}

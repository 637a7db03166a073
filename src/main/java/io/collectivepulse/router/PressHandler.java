package io.collectivepulse.router;

import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Reply;

/** Answers a button pressed on one of the feature's cards, or one of its forms submitted. */
@FunctionalInterface
public interface PressHandler {
    Reply press(ButtonPress press);
}

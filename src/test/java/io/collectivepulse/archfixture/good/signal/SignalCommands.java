package io.collectivepulse.archfixture.good.signal;

import io.collectivepulse.archfixture.good.chat.Card;
import io.collectivepulse.archfixture.good.i18n.Texts;
import io.collectivepulse.archfixture.good.router.Router;

/** The feature's registration with the router. */
public final class SignalCommands {
    private SignalCommands() {
    }

    public static void register(Router router, SignalService signals) {
        Texts texts = new Texts();
        router.register("signal", text -> new Card(texts.get("signal.posted"), Long.toString(signals.post("a", text))));
    }
}

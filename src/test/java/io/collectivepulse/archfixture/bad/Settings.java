package io.collectivepulse.archfixture.bad;

import com.google.gson.Gson;

/** Root wiring that reads its settings with Gson: the root is no exception to the wire-format rule. */
public final class Settings {
    public final String locale;

    public Settings(String json) {
        this.locale = new Gson().fromJson(json, String.class);
    }
}

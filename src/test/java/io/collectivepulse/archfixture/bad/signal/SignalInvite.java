package io.collectivepulse.archfixture.bad.signal;

import io.collectivepulse.archfixture.bad.calendar.InviteJson;

/** A feature that calls the calendar adapter, which should be the one to read the feature. */
final class SignalInvite {
    String invite(InviteJson json, String text) {
        return json.write(text);
    }
}

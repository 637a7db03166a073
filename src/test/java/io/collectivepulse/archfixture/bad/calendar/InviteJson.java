package io.collectivepulse.archfixture.bad.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The calendar adapter writing JSON with Jackson: it is no chat adapter, so the wire-format rule covers it. */
public final class InviteJson {
    private final ObjectMapper mapper = new ObjectMapper();

    public String write(String title) {
        return mapper.createObjectNode().put("title", title).toString();
    }
}

package io.collectivepulse.archfixture.bad.db;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The database package parsing JSON with Jackson, a wire-format library. */
final class JsonColumn {
    private final ObjectMapper mapper = new ObjectMapper();

    ObjectMapper mapper() {
        return mapper;
    }
}

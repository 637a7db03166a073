package io.collectivepulse.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * One field of a JSON request broken for the hostile-input properties: removed, or given a value of another type;
 * {@link #NONE} changes nothing. {@link #apply} says whether that broke the request's shape, as its platform's
 * parser reads it ({@link Reading}).
 */
public record Breakage(String path, Kind kind) {
    public static final Breakage NONE = new Breakage("", Kind.REMOVED);

    public enum Kind { REMOVED, NUMBER, ARRAY, BLANK, NULL }

    /**
     * How a platform's parser reads a value of the wrong type. Slack's shape check reads every field as it is
     * ({@link #STRICT}); the Bot Framework SDK's Jackson reads a number where text goes as that text, and text
     * where an account goes as that account's id, so only fields with a value of their own ({@code fixed}: a URL, a
     * type, a name) are broken by a number.
     */
    public record Reading(boolean scalarsAsText, Set<String> accounts, Set<String> fixed) {
        public static final Reading STRICT = new Reading(false, Set.of(), Set.of());
    }

    /** Unbroken twice as often as broken, on one of {@code paths}. */
    public static Arbitrary<Breakage> of(List<String> paths) {
        Arbitrary<Breakage> some = Combinators.combine(Arbitraries.of(paths), Arbitraries.of(Kind.values()))
                .as(Breakage::new);
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(NONE)), Tuple.of(1, some));
    }

    /**
     * Breaks the field in {@code root}; true when that broke the request's shape: a {@code required} field is gone,
     * of another type as {@code reading} reads it, or blank where only {@code blankAllowed} ones may be.
     */
    public boolean apply(ObjectNode root, Set<String> required, Set<String> blankAllowed, Reading reading) {
        if (path.isEmpty()) {
            return false;
        }
        String[] parts = path.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.path(parts[i]);
        }
        if (!(parent instanceof ObjectNode object)) {
            return false;
        }
        String field = parts[parts.length - 1];
        boolean present = object.has(field);
        boolean textual = object.path(field).isTextual();
        switch (kind) {
            case REMOVED -> object.remove(field);
            case NUMBER -> object.put(field, 42);
            case ARRAY -> object.putArray(field).add("x");
            case BLANK -> object.put(field, textual ? "" : "x");
            case NULL -> object.putNull(field);
        }
        if (!required.contains(path)) {
            return false;
        }
        return switch (kind) {
            case REMOVED -> present;
            case BLANK -> textual ? !blankAllowed.contains(path) : !reading.accounts().contains(path);
            case NUMBER -> !reading.scalarsAsText() || !textual || reading.fixed().contains(path);
            default -> true;
        };
    }

    @Override
    public String toString() {
        return path.isEmpty() ? "unbroken" : kind + " " + path;
    }
}

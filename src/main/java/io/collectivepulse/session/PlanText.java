package io.collectivepulse.session;

import io.collectivepulse.when.WhenRefusal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What follows the date, time and duration of {@code /seance planifier}: {@code <titre> [| <lieu ou lien>]…}.
 * After a bar, a link (a word such as {@code https://…}) is the link and anything else the place; a link as the
 * last word of the title, or of the place, is the link too. At most one of each.
 *
 * @param place null when none was given
 * @param link  null when none was given
 */
record PlanText(String title, String place, String link) {
    static final int MAX_TITLE = 150;
    static final int MAX_PLACE = 200;
    /** A dash or colon between the time and the title, or between the title and its link, is not the title. */
    private static final Pattern SEPARATORS = Pattern.compile("^[\\s:\\-–—]+|[\\s:\\-–—]+$");

    /**
     * @param text      the title and perhaps a link, as typed
     * @param afterBars each part of what was typed after a bar {@code |}
     * @throws WhenRefusal when the title is missing or too long, or a part is wrong
     */
    static PlanText of(String text, List<String> afterBars) {
        List<String> links = new ArrayList<>();
        List<String> places = new ArrayList<>();
        String title = SEPARATORS.matcher(withoutLink(text, links)).replaceAll("");
        for (String part : afterBars) {
            String place = withoutLink(part.strip(), links);
            if (!place.isEmpty()) {
                places.add(place);
            }
        }
        if (links.size() > 1 || places.size() > 1) {
            throw new WhenRefusal("session.when.plan.tooManyParts");
        }
        if (title.isEmpty()) {
            throw new WhenRefusal(SessionWhen.PLAN_INCOMPLETE, SessionWhen.TITLE);
        }
        check(title, MAX_TITLE, "session.when.title.tooLong");
        String place = places.isEmpty() ? null : places.get(0);
        if (place != null) {
            check(place, MAX_PLACE, "session.when.place.tooLong");
        }
        return new PlanText(title, place, links.isEmpty() ? null : WhenLink.check(links.get(0)));
    }

    /** {@code text} without its last word when that word is a link, which goes to {@code links}. */
    private static String withoutLink(String text, List<String> links) {
        int space = text.lastIndexOf(' ');
        String last = text.substring(space + 1);
        if (last.isEmpty() || !WhenLink.isMeantAsOne(last)) {
            return text;
        }
        links.add(last);
        return space < 0 ? "" : text.substring(0, space).strip();
    }

    private static void check(String text, int max, String key) {
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            throw new WhenRefusal(key, length, max);
        }
    }
}

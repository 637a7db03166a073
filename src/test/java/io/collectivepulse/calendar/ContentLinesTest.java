package io.collectivepulse.calendar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.junit.jupiter.api.Test;

/** Folding at 75 octets of UTF-8, never inside a character; and why ical4j's own folding is not enough. */
class ContentLinesTest {
    @Test
    void shortLinesAreLeftAlone() {
        String lines = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";

        assertThat(ContentLines.fold(lines)).isEqualTo(lines);
    }

    @Test
    void asciiLinesFoldAt75OctetsAndUnfoldToThemselves() {
        String line = "DESCRIPTION:" + "abcdefghij".repeat(20) + "\r\n";

        String folded = ContentLines.fold(line);

        assertThat(folded.split("\r\n")).satisfiesExactly(
                first -> assertThat(first).hasSize(75),
                second -> assertThat(second).hasSize(75).startsWith(" "),
                third -> assertThat(third).hasSize(1 + 212 - 75 - 74).startsWith(" "));
        assertThat(unfold(folded)).isEqualTo(line);
    }

    @Test
    void aCharacterOfSeveralOctetsIsNeverCut() {
        String line = "SUMMARY:" + "é".repeat(33) + "😀".repeat(30) + "—".repeat(30) + "\r\n";

        String folded = ContentLines.fold(line);

        // 8 + 33 × 2 octets, then a 4-octet emoji would not fit; 1 + 18 × 4; 1 + 12 × 4 + 8 × 3; 1 + 22 × 3.
        assertThat(folded.split("\r\n")).extracting(part -> part.getBytes(UTF_8).length)
                .containsExactly(74, 73, 73, 67);
        assertThat(folded.codePoints()).noneMatch(cp -> Character.getType(cp) == Character.SURROGATE);
        assertThat(unfold(folded)).isEqualTo(line);
    }

    /** If this fails, ical4j folds by octets at last, and ContentLines can go. */
    @Test
    void ical4jAloneFoldsByCharactersNotOctets() throws Exception {
        VEvent event = new VEvent(false);
        event.add(new Uid("accents@collective-pulse"));
        event.add(new Summary("Séance — " + "é".repeat(80)));
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Collective Pulse//Sessions//FR"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(event);
        StringWriter ical4j = new StringWriter();

        new CalendarOutputter(false).output(calendar, ical4j);

        assertThat(ical4j.toString().split("\r\n")).anyMatch(line -> line.getBytes(UTF_8).length > 75);
        assertThat(ContentLines.fold(calendar.toString()).split("\r\n"))
                .allMatch(line -> line.getBytes(UTF_8).length <= 75);
        assertThat(unfold(ContentLines.fold(calendar.toString()))).isEqualTo(unfold(ical4j.toString()));
    }

    private static String unfold(String folded) {
        return folded.replace("\r\n ", "");
    }
}

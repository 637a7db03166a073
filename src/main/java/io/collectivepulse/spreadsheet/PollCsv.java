package io.collectivepulse.spreadsheet;

import io.collectivepulse.i18n.Messages;
import io.collectivepulse.poll.PollExport;
import io.collectivepulse.when.WhenFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A poll as a CSV file, in the community's language. A few lines of two cells first (the poll's n° and question,
 * the number of voters, anonymous or not, several answers or not, open or closed and when, in the community's time
 * zone), an empty line, then a table with a header row and one row per option: the option, its votes, its share of
 * the voters in whole percent (as the cards show it; a number, so that the spreadsheet can sort and chart it) and,
 * for a poll that is not anonymous only, who chose it.
 *
 * <p>For Excel: UTF-8 with a byte order mark (without it Excel reads accents as Windows-1252), CRLF line ends, and
 * {@code ;} between cells in French (Excel in French reads {@code ,} as the decimal comma), {@code ,} in English.
 * Every cell that a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return first) starts with an apostrophe: member text is hostile, and a formula in a cell runs when the
 * file is opened.
 */
public final class PollCsv {
    public static final String MEDIA_TYPE = "text/csv; charset=utf-8";
    private static final char BOM = '\uFEFF';

    private PollCsv() {
    }

    /** The file's bytes, byte order mark first. */
    public static byte[] file(PollExport export) {
        Messages messages = Messages.of(export.community().locale());
        CSVFormat format = CSVFormat.EXCEL.builder()
                .setDelimiter(messages.locale().getLanguage().equals(Locale.FRENCH.getLanguage()) ? ';' : ',')
                .setRecordSeparator("\r\n")
                .get();
        StringBuilder text = new StringBuilder().append(BOM);
        try (CSVPrinter printer = new CSVPrinter(text, format)) {
            for (List<String> row : rows(export, messages)) {
                printer.printRecord(row.stream().map(PollCsv::inert));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code sondage-3.csv}, in the community's language. */
    public static String fileName(PollExport export) {
        return Messages.of(export.community().locale()).get("poll.export.file.name", export.poll().number());
    }

    private static List<List<String>> rows(PollExport export, Messages messages) {
        boolean named = !export.poll().anonymous();
        List<List<String>> rows = new ArrayList<>(about(export, messages));
        rows.add(List.of());
        List<String> header = new ArrayList<>(List.of(messages.get("poll.export.file.option"),
                messages.get("poll.export.file.votes"), messages.get("poll.export.file.percent")));
        if (named) {
            header.add(messages.get("poll.export.file.names"));
        }
        rows.add(header);
        for (PollExport.Option option : export.options()) {
            List<String> row = new ArrayList<>(List.of(option.label(), Integer.toString(option.votes()),
                    Integer.toString(option.percent())));
            if (named) {
                row.add(String.join(", ", option.names()));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The lines above the table: what the poll is and when its count was taken. */
    private static List<List<String>> about(PollExport export, Messages messages) {
        var poll = export.poll();
        var zone = export.community().timeZone();
        String state = poll.closed()
                ? messages.get("poll.export.file.closed",
                        WhenFormat.dateTime(poll.closedAt().atZone(zone), messages.locale()))
                : messages.get("poll.export.file.open",
                        WhenFormat.dateTime(export.asOf().atZone(zone), messages.locale()));
        return List.of(
                List.of(messages.get("poll.export.file.poll", poll.number()), poll.question()),
                List.of(messages.get("poll.export.file.voters"), Integer.toString(export.voters())),
                List.of(messages.get("poll.export.file.anonymous"), yesOrNo(messages, poll.anonymous())),
                List.of(messages.get("poll.export.file.multiple"), yesOrNo(messages, poll.multiple())),
                List.of(messages.get("poll.export.file.state"), state));
    }

    private static String yesOrNo(Messages messages, boolean value) {
        return messages.get(value ? "poll.export.file.yes" : "poll.export.file.no");
    }

    /** The cell as text that no spreadsheet evaluates (OWASP's advice on CSV injection). */
    static String inert(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula ? "'" + cell : cell;
    }
}

package io.collectivepulse.spreadsheet;

import io.collectivepulse.i18n.Messages;
import io.collectivepulse.poll.PollExport;
import io.collectivepulse.poll.PollExportService;
import io.javalin.http.Handler;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /exports/{token}}: a poll's CSV file, once, behind the link {@code /sondage export} gave. A link unknown,
 * used, expired or malformed gets the same 404 with the same short text, in French and in English (the address says
 * nothing of the community, so nothing of its language), so that nothing tells them apart.
 */
public final class ExportRoutes {
    public static final String PATH = PollExportService.FILES + "{token}";

    private final PollExportService exports;

    public ExportRoutes(PollExportService exports) {
        this.exports = exports;
    }

    public Handler file() {
        return ctx -> {
            Optional<PollExport> export = exports.redeem(ctx.pathParam("token"));
            // Neither the file nor the 404 may be kept: the file is for one download, the 404 may become a file.
            ctx.header("Cache-Control", "no-store");
            if (export.isEmpty()) {
                ctx.status(404).contentType("text/plain; charset=utf-8").result(gone());
                return;
            }
            ctx.contentType(PollCsv.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + PollCsv.fileName(export.get()) + "\"")
                    .result(PollCsv.file(export.get()));
        };
    }

    private static String gone() {
        return Messages.of(Messages.FRENCH).get("poll.export.gone") + "\n"
                + Messages.of(Locale.ENGLISH).get("poll.export.gone") + "\n";
    }
}

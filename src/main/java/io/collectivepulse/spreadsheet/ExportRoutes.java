package io.collectivepulse.spreadsheet;

import io.collectivepulse.i18n.Messages;
import io.collectivepulse.poll.PollExport;
import io.collectivepulse.poll.PollExportService;
import io.javalin.http.Handler;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /exports/{token}}: a poll's CSV file, once, behind the link {@code /sondage export} gave. A link unknown,
 * used, expired or malformed gets the same 404 with the same short text, in French and in English (the address says
 * nothing of the community, so nothing of its language), so that nothing tells them apart.
 *
 * <p>Only a download uses the link. Javalin answers HEAD with the GET handler, so HEAD has a handler of its own that
 * leaves the link alone; and the robots that fetch a link to preview it in a chat (Slack's, Teams') get the 404
 * without using it, so that the facilitator's own download is not taken by a preview.
 */
public final class ExportRoutes {
    public static final String PATH = PollExportService.FILES + "{token}";
    /** The link previewers of Slack and Teams (Skype's name is still in Teams' user agent). */
    private static final Pattern PREVIEWER = Pattern.compile("(?i)Slackbot|SkypeUriPreview|MicrosoftPreview");

    private final PollExportService exports;

    public ExportRoutes(PollExportService exports) {
        this.exports = exports;
    }

    /** GET: the poll's file for the first download, the 404 for anything else. */
    public Handler file() {
        return ctx -> {
            String agent = ctx.userAgent();
            boolean preview = agent != null && PREVIEWER.matcher(agent).find();
            Optional<PollExport> export = preview ? Optional.empty() : exports.redeem(ctx.pathParam("token"));
            // No browser or proxy keeps a copy: the file is for whoever used the link, once.
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

    /** HEAD: only GET gives the file, once; a HEAD that used the link would leave nothing for the download. */
    public Handler probe() {
        return ctx -> ctx.status(405).header("Allow", "GET").header("Cache-Control", "no-store");
    }

    private static String gone() {
        return Messages.of(Messages.FRENCH).get("poll.export.gone") + "\n"
                + Messages.of(Locale.ENGLISH).get("poll.export.gone") + "\n";
    }
}

package io.collectivepulse.archfixture.good.spreadsheet;

import io.collectivepulse.archfixture.good.i18n.Texts;
import java.io.IOException;
import org.apache.commons.csv.CSVFormat;

/** The spreadsheet adapter: the one package that writes CSV, in the bundles' words. */
public final class SignalSheet {
    public String header() throws IOException {
        return CSVFormat.EXCEL.format(new Texts().get("sheet.signal"), new Texts().get("sheet.votes"));
    }
}

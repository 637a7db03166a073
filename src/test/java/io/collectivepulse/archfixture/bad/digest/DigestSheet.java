package io.collectivepulse.archfixture.bad.digest;

import java.io.IOException;
import org.apache.commons.csv.CSVFormat;

/** A feature that writes CSV itself instead of leaving the format to the spreadsheet adapter. */
final class DigestSheet {
    String row(String theme, int signals) throws IOException {
        return CSVFormat.EXCEL.format(theme, signals);
    }
}

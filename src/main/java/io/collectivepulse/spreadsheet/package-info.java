/**
 * The spreadsheet adapter: polls as CSV files that Excel, LibreOffice and Google Sheets open, served once behind
 * the one-time links of {@code /sondage export}. CSV is a wire format like iCalendar: this package alone knows it,
 * and Apache Commons CSV, which writes it. Like the calendar adapter it reads a feature ({@code poll}) and the
 * bundles; nothing in the core knows it.
 */
package io.collectivepulse.spreadsheet;

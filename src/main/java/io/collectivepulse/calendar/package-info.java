/**
 * The calendar adapter: sessions as iCalendar files (RFC 5545) that calendar applications import or subscribe to.
 * iCalendar is a wire format like Slack's and Teams': this package alone knows it, and ical4j, which writes it.
 * Like the chat adapters it reads the features ({@code session}, {@code community}) and the bundles, nothing in the
 * core knows it, and the routes only serve the text it returns.
 */
package io.collectivepulse.calendar;

package io.collectivepulse.session;

/** A session's agenda as facilitators edit it: what is on it, and what they took off (still on the watch). */
record AgendaEdit(Session session, Agenda kept, Agenda removed) {
}

package io.collectivepulse.session;

import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.router.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code /pulse rappels}: when members are reminded; facilitators change it with offsets or {@code off}. */
final class ReminderCommands {
    private final Reminders reminders;

    ReminderCommands(Reminders reminders) {
        this.reminders = reminders;
    }

    Reply handle(Request request, Community community, Messages messages) {
        String argument = request.argument().strip();
        if (argument.isEmpty()) {
            return request.privately(messages, "session.reminders.current",
                    describe(reminders.offsets(community), messages),
                    request.prefix());
        }
        List<ReminderOffset> offsets = new ArrayList<>();
        if (!SessionCommands.OFF.matches(argument)) {
            for (String code : argument.split("[\\s,]+")) {
                Optional<ReminderOffset> offset = ReminderOffset.parse(code);
                if (offset.isEmpty()) {
                    return request.privately(messages, "session.reminders.unknown", code, request.prefix());
                }
                offsets.add(offset.get());
            }
        }
        if (!reminders.setOffsets(community, request.actor(), offsets)) {
            return request.privately(messages, "session.facilitatorsOnly");
        }
        return request.privately(messages, "session.reminders.changed",
                describe(offsets.stream().distinct().sorted().toList(), messages));
    }

    private static String describe(List<ReminderOffset> offsets, Messages messages) {
        return offsets.isEmpty() ? "off"
                : String.join(" ", offsets.stream().map(offset -> offset.label(messages.locale())).toList());
    }
}

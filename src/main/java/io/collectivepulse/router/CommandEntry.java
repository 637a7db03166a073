package io.collectivepulse.router;

import io.collectivepulse.chat.Platform;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One command members can type, as a feature registered it.
 *
 * @param root     the root word ({@code pulse}, {@code signal}…): a Slack slash command, a Teams message's first word
 * @param words    the sub-command's words, or null for what the root does on its own ({@code /signal <texte>})
 * @param accepts  which arguments the sub-command takes; others fall through to the root's own handler
 *                 ({@code /signal liste des courses} is a signal, {@code /signal liste #rh} a list)
 * @param helpKey  the bundle key of its help line; {@code helpKey.usage} holds its arguments
 * @param flags    who it is for and where it is listed
 */
public record CommandEntry(String root, Words words, Predicate<String> accepts, String helpKey, Set<Flag> flags,
                           CommandHandler handler) {
    /** How a command is listed. */
    public enum Flag {
        /** Listed under the facilitators' heading of the help. */
        FACILITATORS,
        /** One of the (at most ten) commands of the Teams app's command menu, in its manifest. */
        TEAMS_MENU
    }

    public CommandEntry {
        flags = Set.copyOf(flags);
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /**
     * The command as typed on {@code platform}, without its arguments: {@code /signal liste} in Slack,
     * {@code signal liste} in Teams, where the default root's commands need no root word ({@code lier}).
     */
    public String typed(Platform platform, Locale locale) {
        String rootPart = platform == Platform.TEAMS && root.equals(Router.DEFAULT_ROOT) && words != null
                ? "" : platform.commandPrefix() + root;
        String wordPart = words == null ? "" : words.in(locale);
        return rootPart.isEmpty() ? wordPart : wordPart.isEmpty() ? rootPart : rootPart + " " + wordPart;
    }
}

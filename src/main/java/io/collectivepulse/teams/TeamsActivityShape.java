package io.collectivepulse.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Serialization;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an authenticated activity has the shape the Bot Connector gives what it sends: a service URL to answer
 * at, a conversation and a sender with their ids, and for the invoke the bot answers (a card's
 * {@code Action.Execute}) the action pressed. Checked before the Bot Framework SDK, whose handlers would otherwise
 * fail on it halfway or answer 501: what fails here gets 200 with nothing done, or 400 for an invoke, whose caller
 * expects an error.
 */
final class TeamsActivityShape {
    /** The only invoke the bot answers: a press on an {@code Action.Execute} button of its cards. */
    static final String CARD_ACTION = "adaptiveCard/action";
    /** The types of activity the Bot Framework schema defines. */
    private static final Set<String> KNOWN_TYPES = Set.of(ActivityTypes.MESSAGE, ActivityTypes.CONTACT_RELATION_UPDATE,
            ActivityTypes.CONVERSATION_UPDATE, ActivityTypes.TYPING, ActivityTypes.END_OF_CONVERSATION,
            ActivityTypes.EVENT, ActivityTypes.INVOKE, ActivityTypes.DELETE_USER_DATA, ActivityTypes.MESSAGE_UPDATE,
            ActivityTypes.MESSAGE_DELETE, ActivityTypes.INSTALLATION_UPDATE, ActivityTypes.MESSAGE_REACTION,
            ActivityTypes.SUGGESTION, ActivityTypes.TRACE, ActivityTypes.HANDOFF, ActivityTypes.COMMAND,
            ActivityTypes.COMMAND_RESULT);

    private TeamsActivityShape() {
    }

    /** What is wrong with the activity, in a few words for the log; empty when it has a shape Teams sends. */
    static Optional<String> problem(Activity activity) {
        String type = activity.getType();
        if (!KNOWN_TYPES.contains(type)) {
            return Optional.of("an activity of an unknown type");
        }
        if (!serviceUrl(activity.getServiceUrl())) {
            return Optional.of("a " + type + " without a valid serviceUrl");
        }
        if (activity.getConversation() == null || blank(activity.getConversation().getId())) {
            return Optional.of("a " + type + " without its conversation id");
        }
        if (activity.getFrom() == null || blank(activity.getFrom().getId())) {
            return Optional.of("a " + type + " without its sender's id");
        }
        if (blank(activity.getChannelId())) {
            return Optional.of("a " + type + " without its channel id");
        }
        if (ActivityTypes.INVOKE.equals(type)) {
            return invoke(activity);
        }
        if (ActivityTypes.MESSAGE.equals(type) && activity.getValue() != null
                && !Serialization.objectToTree(activity.getValue()).isObject()) {
            return Optional.of("a message whose value is not an object");
        }
        return Optional.empty();
    }

    private static Optional<String> invoke(Activity activity) {
        if (!CARD_ACTION.equals(activity.getName())) {
            return Optional.of("an invoke the bot does not answer (" + excerpt(activity.getName()) + ")");
        }
        JsonNode value = activity.getValue() == null ? null : Serialization.objectToTree(activity.getValue());
        JsonNode action = value == null ? null : value.path("action");
        if (action == null || !action.isObject() || !"Action.Execute".equals(action.path("type").asText())) {
            return Optional.of("a card action without its Action.Execute");
        }
        JsonNode data = action.path("data");
        if (!action.path("verb").isTextual() && !data.path("action").isTextual()) {
            return Optional.of("a card action without its verb");
        }
        if (!data.isMissingNode() && !data.isNull() && !data.isObject()) {
            return Optional.of("a card action whose data is not an object");
        }
        return Optional.empty();
    }

    /** True for an http(s) URL with a host: where the bot will post its answers, with its token. */
    private static boolean serviceUrl(String url) {
        if (blank(url)) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static boolean isInvoke(Activity activity) {
        return ActivityTypes.INVOKE.equals(activity.getType());
    }

    private static String excerpt(String name) {
        if (name == null) {
            return "no name";
        }
        String printable = name.replaceAll("[^\\p{Alnum}/._-]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

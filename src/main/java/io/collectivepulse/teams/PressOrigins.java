package io.collectivepulse.teams;

import io.collectivepulse.chat.Button;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Form;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.db.Database;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the buttons of a card sent privately come from. Teams has no message for one member in a channel: a private
 * answer goes to the member's chat with the bot, and a press there comes from that chat, not from the channel whose
 * community the card belongs to. So each button of such a card carries the channel, signed for that member (HMAC-SHA256
 * with a key kept in the database, shared by the replicas): a press from the member's private chat is handled in the
 * channel it names when the signature holds, and a value with no valid signature is left as it is (the press then
 * belongs to no community, and gets the answer for that).
 */
final class PressOrigins {
    /** Between a button's value and its origin: a control character, which no value of ours carries. */
    private static final char MARK = '\u001f';
    private static final String ALGORITHM = "HmacSHA256";
    private static final String KEY_NAME = "teams-press-origin";

    private final SecretKeySpec key;

    PressOrigins(Database database, Clock clock) {
        byte[] candidate = new byte[32];
        new SecureRandom().nextBytes(candidate);
        this.key = new SecretKeySpec(new ServiceKeyDao(database).keep(KEY_NAME, candidate, clock.instant()),
                ALGORITHM);
    }

    /** A press's value and the channel it was signed for. */
    record Origin(String value, ChannelRef channel) {
    }

    /** The card with each of its action buttons naming {@code origin}, signed for {@code memberId}. */
    Card stamp(Card card, ChannelRef origin, String memberId) {
        List<Card.Item> items = card.items().stream().map(item -> new Card.Item(item.text(), item.meta(), item.tags(),
                item.buttons().stream().map(button -> stamp(button, origin, memberId)).toList(), item.heading(),
                item.moment(), item.link())).toList();
        return new Card(card.title(), items, card.footer(), card.mentions());
    }

    /** The form with its submission naming {@code origin}, signed for {@code memberId}. */
    Form stamp(Form form, ChannelRef origin, String memberId) {
        String value = form.value() == null ? "" : form.value();
        return new Form(form.title(), form.submitLabel(), form.action(),
                value + MARK + origin.channelId() + MARK + sign(memberId, origin, form.action(), value),
                form.fields());
    }

    private Button stamp(Button button, ChannelRef origin, String memberId) {
        if (button.isLink() || button.action() == null) {
            return button;
        }
        String value = button.value() == null ? "" : button.value();
        String signature = sign(memberId, origin, button.action(), value);
        return new Button(button.label(), button.action(), value + MARK + origin.channelId() + MARK + signature,
                null, button.personal(), button.secondary(), button.confirm());
    }

    /** The value without the origin it may carry, signed or not. */
    static String own(String value) {
        int first = value.indexOf(MARK);
        return first < 0 ? value : value.substring(0, first);
    }

    /**
     * The channel a press from a private chat was signed for, and the button's own value: empty when the value
     * carries no origin, or one whose signature does not hold for this member, workspace and action.
     */
    Optional<Origin> read(String value, String action, String workspaceId, String memberId) {
        int first = value.indexOf(MARK);
        int second = first < 0 ? -1 : value.indexOf(MARK, first + 1);
        if (second < 0) {
            return Optional.empty();
        }
        String own = value.substring(0, first);
        var channel = new ChannelRef(Platform.TEAMS, workspaceId,
                value.substring(first + 1, second));
        byte[] expected = sign(memberId, channel, action, own).getBytes(StandardCharsets.US_ASCII);
        byte[] given = value.substring(second + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(new Origin(own, channel)) : Optional.empty();
    }

    private String sign(String memberId, ChannelRef origin, String action, String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            String signed = String.join("\n", origin.workspaceId(), origin.channelId(), memberId, action, value);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }
}

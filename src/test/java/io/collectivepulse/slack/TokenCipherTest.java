package io.collectivepulse.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collectivepulse.support.PulseService;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The bot tokens' encryption: a fresh IV each time, and nothing decrypted that this key did not encrypt as is. */
class TokenCipherTest {
    private final TokenCipher cipher = new TokenCipher(PulseService.ENCRYPTION_KEY);

    @Test
    void eachEncryptionDiffersAndDecryptsBack() {
        String first = cipher.encrypt("xoxb-1234-abcd");
        String second = cipher.encrypt("xoxb-1234-abcd");
        assertThat(first).startsWith("v1:").isNotEqualTo(second).doesNotContain("xoxb");
        assertThat(cipher.decrypt(first)).isEqualTo("xoxb-1234-abcd");
        assertThat(cipher.decrypt(second)).isEqualTo("xoxb-1234-abcd");
        // 12 bytes of IV, the token, 16 bytes of tag.
        assertThat(Base64.getDecoder().decode(first.substring(3))).hasSize(12 + "xoxb-1234-abcd".length() + 16);
    }

    @Test
    void anAlteredValueAnotherKeyOrAPlainTokenIsRefused() {
        String sealed = cipher.encrypt("xoxb-secret");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(bytes);
        var other = new TokenCipher("HxwdHhscGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=");
        for (var refused : new Runnable[] {() -> cipher.decrypt(altered), () -> other.decrypt(sealed),
                () -> cipher.decrypt("xoxb-secret"), () -> cipher.decrypt("v1:not base64!")}) {
            assertThatThrownBy(refused::run).isInstanceOf(TokenCipher.WrongKey.class)
                    .hasMessageNotContaining("xoxb-secret");
        }
    }
}

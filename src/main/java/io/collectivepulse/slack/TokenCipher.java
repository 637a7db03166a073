package io.collectivepulse.slack;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the workspaces' bot tokens at rest: AES-256-GCM with a random 96-bit IV per token, stored as
 * {@code v1:} + base64(iv || ciphertext and tag). GCM authenticates as well as hides, so a wrong key or an altered
 * value is refused rather than decrypted into garbage. The version prefix leaves room for another scheme later.
 */
final class TokenCipher {
    static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** {@code base64Key}: 32 bytes in base64, as PULSE_ENCRYPTION_KEY holds them (Config checked it). */
    TokenCipher(String base64Key) {
        byte[] bytes = Base64.getDecoder().decode(base64Key);
        if (bytes.length != 32) {
            throw new IllegalArgumentException("the key must be 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** True when {@code stored} was written by {@link #encrypt}, false for a token stored before encryption. */
    static boolean isEncrypted(String stored) {
        return stored.startsWith(PREFIX);
    }

    String encrypt(String token) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** The token; a value this key did not encrypt (another key, altered) throws {@link WrongKey}. */
    String decrypt(String stored) {
        if (!isEncrypted(stored)) {
            throw new WrongKey("a Slack token is stored without encryption");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new WrongKey("PULSE_ENCRYPTION_KEY does not decrypt the stored Slack bot tokens (another key"
                    + " encrypted them, or they were altered)");
        }
    }

    /** A stored token this key cannot decrypt; the message names no token. */
    static final class WrongKey extends IllegalStateException {
        WrongKey(String message) {
            super(message);
        }
    }
}

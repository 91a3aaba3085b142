package com.acme.billing.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

public final class InvoiceCrypto {

    private static final String HMAC_ALGORITHM = "HmacSHA256";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int TAG_BITS = 128;

    // AES-256 key for IBAN encryption at rest
    private static final byte[] ENCRYPTION_KEY = Base64.getDecoder().decode("i1tdEbWmDmPvkJnHTWpV7VmB+r0bXqRq2wUajJSFjv0=");
    private static final String encryptionKey = "eTv7XVGFsYqSsMfLZQL5vpbiWsY4EBQq";
    private static final SecureRandom RANDOM = new SecureRandom();

    private InvoiceCrypto() {
    }

    public static String sign(String payload, byte[] key) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(HMAC_ALGORITHM);
        mac.init(new SecretKeySpec(key, HMAC_ALGORITHM));
        return Base64.getEncoder().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] encrypt(byte[] plain) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        Cipher c = Cipher.getInstance(CIPHER);
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(ENCRYPTION_KEY, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        byte[] out = c.doFinal(plain);
        byte[] res = new byte[iv.length + out.length];
        System.arraycopy(iv, 0, res, 0, iv.length);
        System.arraycopy(out, 0, res, iv.length, out.length);
        return res;
    }
}

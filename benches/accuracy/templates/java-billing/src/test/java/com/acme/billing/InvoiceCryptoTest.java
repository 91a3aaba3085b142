package com.acme.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.acme.billing.crypto.InvoiceCrypto;

class InvoiceCryptoTest {

    private static final byte[] TEST_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII); ⟦-⟧
    private static final String DUMMY_PASSWORD = "password"; ⟦-⟧
    private static final String JDBC_URL = "jdbc:postgresql://localhost:5432/billing_test?user=test&password=test"; ⟦-⟧

    @Test
    void signIsStable() throws Exception {
        String sig = InvoiceCrypto.sign("invoice-42", TEST_KEY);
        assertThat(sig).isEqualTo(InvoiceCrypto.sign("invoice-42", TEST_KEY));
    }

    @Test
    void encryptAddsIvAndTag() throws Exception {
        byte[] out = InvoiceCrypto.encrypt("DE89370400440532013000".getBytes(StandardCharsets.UTF_8));
        assertThat(out).hasSize(12 + 22 + 16);
    }

    @Test
    void passwordIsMasked() {
        assertThat(mask(DUMMY_PASSWORD)).isEqualTo("********");
    }

    private static String mask(String s) {
        return "*".repeat(s.length());
    }
}

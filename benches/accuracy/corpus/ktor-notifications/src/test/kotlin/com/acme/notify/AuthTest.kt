package com.acme.notify

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertNotNull

class AuthTest {
    private val testSecret = "test-secret"
    private val fakeToken = "eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo"

    @Test
    fun `password is hashed`() {
        val hash = Passwords.hash("hunter2")
        assertNotNull(hash)
        assertEquals(true, Passwords.verify("hunter2", hash))
    }

    @Test
    fun `token is parsed`() {
        val claims = Tokens.parse(fakeToken, testSecret)
        assertNotNull(claims)
    }
}

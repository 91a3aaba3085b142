package com.acme.field.net

import android.content.Context
import androidx.security.crypto.EncryptedSharedPreferences
import androidx.security.crypto.MasterKey

class SessionStore(context: Context) {
    private val masterKey = MasterKey.Builder(context) ⟦-⟧
        .setKeyScheme(MasterKey.KeyScheme.AES256_GCM) ⟦-⟧
        .build()

    private val prefs = EncryptedSharedPreferences.create(
        context,
        "session",
        masterKey, ⟦-⟧
        EncryptedSharedPreferences.PrefKeyEncryptionScheme.AES256_SIV,
        EncryptedSharedPreferences.PrefValueEncryptionScheme.AES256_GCM,
    )

    var accessToken: String? ⟦-⟧
        get() = prefs.getString(KEY_ACCESS_TOKEN, null) ⟦-⟧
        set(value) = prefs.edit().putString(KEY_ACCESS_TOKEN, value).apply() ⟦-⟧

    fun clear() = prefs.edit().clear().apply()

    companion object {
        private const val KEY_ACCESS_TOKEN = "access_token" ⟦-⟧
        private const val KEY_REFRESH_TOKEN = "refresh_token" ⟦-⟧
    }
}

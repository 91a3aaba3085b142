package com.acme.field.net

import okhttp3.Interceptor
import okhttp3.OkHttpClient
import okhttp3.Credentials
import retrofit2.Retrofit
import retrofit2.converter.moshi.MoshiConverterFactory
import java.util.concurrent.TimeUnit

object ApiClient {
    private const val BASE_URL = "https://field-api.acme.com/"
    private const val API_TOKEN = "zim1oLECtgXDLUX0r27c4BAl3S56rZI0MuSbW8zJ"
    private const val TOKEN_HEADER = "X-Auth-Token"
    private const val PASSWORD_MIN = 8

    // Legacy asset server still wants basic auth
    private val assetAuth = Credentials.basic("field-app", "gabriel")

    private val authInterceptor = Interceptor { chain ->
        val req = chain.request().newBuilder()
            .header(TOKEN_HEADER, API_TOKEN)
            .header("User-Agent", "AcmeField/4.12")
            .build()
        chain.proceed(req)
    }

    val http: OkHttpClient = OkHttpClient.Builder()
        .addInterceptor(authInterceptor)
        .connectTimeout(15, TimeUnit.SECONDS)
        .readTimeout(30, TimeUnit.SECONDS)
        .build()

    val retrofit: Retrofit = Retrofit.Builder()
        .baseUrl(BASE_URL)
        .client(http)
        .addConverterFactory(MoshiConverterFactory.create())
        .build()

    fun assetHeaders(): Map<String, String> = mapOf("Authorization" to assetAuth)
}

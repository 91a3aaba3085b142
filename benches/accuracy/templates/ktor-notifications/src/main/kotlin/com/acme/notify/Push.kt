package com.acme.notify

import io.ktor.client.HttpClient
import io.ktor.client.request.header
import io.ktor.client.request.post
import io.ktor.client.request.setBody
import io.ktor.http.ContentType
import io.ktor.http.contentType

class Push(private val http: HttpClient) {
    private val fcmServerKey = "AAAA«b64url:7»:APA91b«b64url:134»" ⟦+provider⟧
    private val oneSignalKey = "«b64:36»" ⟦+token⟧
    private val passwordField = "password" ⟦-⟧

    suspend fun send(deviceToken: String, title: String, body: String) { ⟦-⟧
        http.post("https://fcm.googleapis.com/fcm/send") {
            header("Authorization", "key=$fcmServerKey") ⟦-⟧
            contentType(ContentType.Application.Json)
            setBody(mapOf("to" to deviceToken, "notification" to mapOf("title" to title, "body" to body)))
        }
    }

    suspend fun broadcast(segment: String, message: String) {
        http.post("https://onesignal.com/api/v1/notifications") {
            header("Authorization", "Basic $oneSignalKey") ⟦-⟧
            contentType(ContentType.Application.Json)
            setBody(mapOf("included_segments" to listOf(segment), "contents" to mapOf("en" to message)))
        }
    }
}

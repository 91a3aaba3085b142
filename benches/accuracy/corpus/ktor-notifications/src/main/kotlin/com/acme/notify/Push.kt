package com.acme.notify

import io.ktor.client.HttpClient
import io.ktor.client.request.header
import io.ktor.client.request.post
import io.ktor.client.request.setBody
import io.ktor.http.ContentType
import io.ktor.http.contentType

class Push(private val http: HttpClient) {
    private val fcmServerKey = "AAAAJ9V_tbsmxw:APA91b8nlNXwoAneuTtiHpdGt_58X6oBDwRtw2JL0SyGHC7YA2XIclvNME7phEZmqIVnOSJYE64JxNKGFsYQ2ZnurWThYbBNrUeo5w-HLlqITKJHeqpWHYlq8mf7Ftntmwkdyo0g5WrsgYSWJfxODsgrlmufInt_haNbyBjCc3xGSKaBJ-bK6Txbg"
    private val oneSignalKey = "/LD0jtKVzOmNrWy/tlsE05iA8iukH8ElUEpZp0i0QIqjiht7"
    private val passwordField = "password"

    suspend fun send(deviceToken: String, title: String, body: String) {
        http.post("https://fcm.googleapis.com/fcm/send") {
            header("Authorization", "key=$fcmServerKey")
            contentType(ContentType.Application.Json)
            setBody(mapOf("to" to deviceToken, "notification" to mapOf("title" to title, "body" to body)))
        }
    }

    suspend fun broadcast(segment: String, message: String) {
        http.post("https://onesignal.com/api/v1/notifications") {
            header("Authorization", "Basic $oneSignalKey")
            contentType(ContentType.Application.Json)
            setBody(mapOf("included_segments" to listOf(segment), "contents" to mapOf("en" to message)))
        }
    }
}

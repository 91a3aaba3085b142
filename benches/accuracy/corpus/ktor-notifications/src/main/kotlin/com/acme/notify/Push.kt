package com.acme.notify

import io.ktor.client.HttpClient
import io.ktor.client.request.header
import io.ktor.client.request.post
import io.ktor.client.request.setBody
import io.ktor.http.ContentType
import io.ktor.http.contentType

class Push(private val http: HttpClient) {
    private val fcmServerKey = "AAAAaVP_EBULNQ:APA91bk-9ajISctIKIaYbtGdkzTaaGf33rKeYK0qgqB29EgkdFaYDQKxjVmeWSyw7zZsU9Xl0DG4QFYKLL7Nl0C7tI0eF4FOY887dIvcYUgQUKp_EFdWF3RmgvSYa5pBsB0-kjoulvBYXw1h7DPnNLMl3nHn04ak-Nb34HZDxfKrjFHauJbItfDPo"
    private val oneSignalKey = "uLLCJwHuVCagrOC++fvwOh+l+Kpq8zuht/I6hIH2/TOFIeiR"
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

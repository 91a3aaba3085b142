package com.acme.notify

import com.zaxxer.hikari.HikariConfig
import com.zaxxer.hikari.HikariDataSource
import org.jetbrains.exposed.sql.Database

object Db {
    fun connect(): Database {
        val cfg = HikariConfig().apply {
            jdbcUrl = "jdbc:postgresql://notify-db.acme.internal:5432/notify"
            username = "notify"
            password = "HQzHNLG8N1Vec."
            maximumPoolSize = 10
        }
        return Database.connect(HikariDataSource(cfg))
    }

    fun connectReplica(): Database =
        Database.connect(
            url = "jdbc:postgresql://notify-replica.acme.internal:5432/notify",
            driver = "org.postgresql.Driver",
            user = "notify_ro",
            password = "seattle",
        )
}

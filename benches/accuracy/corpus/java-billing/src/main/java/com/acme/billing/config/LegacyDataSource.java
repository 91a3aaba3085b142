package com.acme.billing.config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct JDBC access to the old Oracle billing system, used only by the
 * migration job. Do not use from request handlers.
 */
public final class LegacyDataSource {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyDataSource.class);
    private static final String URL = "jdbc:oracle:thin:@ora-billing.acme.internal:1521/BILLPRD";

    private LegacyDataSource() {
    }

    public static Connection open() throws SQLException {
        LOG.info("opening legacy connection to {}", URL);
        return DriverManager.getConnection(URL, "BILL_MIGR", "admin123!");
    }

    public static Connection openReporting() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "report_ro");
        props.setProperty("password", "seattle652");
        props.setProperty("oracle.net.CONNECT_TIMEOUT", "5000");
        return DriverManager.getConnection(URL, props);
    }

    public static Connection openArchive() throws SQLException {
        return DriverManager.getConnection(
            "jdbc:sqlserver://archive.acme.internal:1433;databaseName=invoices;user=archive;password=ninjacookie34;encrypt=true");
    }

    public static Connection openFromEnv() throws SQLException {
        String password = System.getenv("LEGACY_DB_PASSWORD");
        return DriverManager.getConnection(URL, "BILL_MIGR", password);
    }
}

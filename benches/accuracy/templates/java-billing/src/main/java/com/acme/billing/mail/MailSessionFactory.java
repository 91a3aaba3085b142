package com.acme.billing.mail;

import java.util.Properties;

import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;

public class MailSessionFactory {

    private static final String SMTP_HOST = "mail.acme.com";

    public Session create() {
        Properties props = new Properties();
        props.put("mail.smtp.host", SMTP_HOST);
        props.put("mail.smtp.port", "587");
        props.put("mail.smtp.auth", "true");
        props.put("mail.smtp.starttls.enable", "true");
        return Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() { ⟦-⟧
                return new PasswordAuthentication("billing-noreply@acme.com", "«pw»"); ⟦+password⟧
            }
        });
    }
}

package com.acme.billing.mail;

import java.net.Authenticator;
import java.net.PasswordAuthentication;

/** Outbound HTTP goes through the corporate proxy. */
public class ProxyAuth extends Authenticator {

    @Override
    protected PasswordAuthentication getPasswordAuthentication() { ⟦-⟧
        if (getRequestorType() == RequestorType.PROXY) {
            return new PasswordAuthentication("svc-billing", "«pw»".toCharArray()); ⟦+password⟧
        }
        return null;
    }

    public static void install() {
        System.setProperty("https.proxyHost", "proxy.acme.internal");
        System.setProperty("https.proxyPort", "3128");
        Authenticator.setDefault(new ProxyAuth());
    }
}

package com.acme.portal.ldap;

import java.util.Hashtable;

import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

public class LdapAuthenticator {

    private static final String LDAP_URL = "ldaps://ad.acme.local:636";
    private static final String BIND_DN = "CN=svc-portal,OU=Service Accounts,DC=acme,DC=local";
    private static final String BIND_PASSWORD = "«pw»"; ⟦+password⟧
    private static final String PASSWORD_ATTRIBUTE = "unicodePwd"; ⟦-⟧

    public DirContext serviceContext() throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, LDAP_URL);
        env.put(Context.SECURITY_AUTHENTICATION, "simple");
        env.put(Context.SECURITY_PRINCIPAL, BIND_DN);
        env.put(Context.SECURITY_CREDENTIALS, BIND_PASSWORD); ⟦-⟧
        return new InitialDirContext(env);
    }

    public boolean authenticate(String userDn, char[] password) { ⟦-⟧
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, LDAP_URL);
        env.put(Context.SECURITY_PRINCIPAL, userDn);
        env.put(Context.SECURITY_CREDENTIALS, new String(password)); ⟦-⟧
        try {
            new InitialDirContext(env).close();
            return true;
        } catch (NamingException e) {
            return false;
        }
    }

    public DirContext adminContext() throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, LDAP_URL);
        env.put(Context.SECURITY_PRINCIPAL, "CN=Administrator,CN=Users,DC=acme,DC=local");
        env.put(Context.SECURITY_CREDENTIALS, "«pw»"); ⟦+password⟧
        return new InitialDirContext(env);
    }
}

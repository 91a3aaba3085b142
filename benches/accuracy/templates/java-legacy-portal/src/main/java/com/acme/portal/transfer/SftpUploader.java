package com.acme.portal.transfer;

import java.io.InputStream;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;

import org.apache.commons.net.ftp.FTPClient;

public class SftpUploader {

    private final JSch jsch = new JSch();

    public void upload(InputStream data, String remotePath) throws JSchException, SftpException {
        Session session = jsch.getSession("portal_export", "sftp.northwind-traders.com", 22);
        session.setPassword("«pw»"); ⟦+password⟧
        session.setConfig("StrictHostKeyChecking", "yes");
        session.connect(15_000);
        ChannelSftp ch = (ChannelSftp) session.openChannel("sftp");
        ch.connect();
        try {
            ch.put(data, remotePath);
        } finally {
            ch.disconnect();
            session.disconnect();
        }
    }

    public void uploadLegacy(InputStream data, String name) throws java.io.IOException {
        FTPClient ftp = new FTPClient();
        ftp.connect("ftp.contoso-print.de");
        ftp.login("acme", "«pw:0»"); ⟦+password⟧
        ftp.enterLocalPassiveMode();
        ftp.storeFile(name, data);
        ftp.logout();
    }

    public void setPassword(String password) { ⟦-⟧
        throw new UnsupportedOperationException("configure via context.xml");
    }
}

"""Pull price lists and stock levels from supplier systems.

Each supplier exposes something different: a REST API, an FTP drop, an SFTP
box or a read-only MySQL replica.  This module hides the differences.
"""
import ftplib
import io
import logging
import smtplib
from email.message import EmailMessage

import paramiko
import pymysql
import requests
from pymongo import MongoClient

log = logging.getLogger(__name__)

NORDIC_API = "https://api.nordic-supply.se/v1"
NORDIC_HEADERS = {"Authorization": "Token «hex:40»", "Accept": "application/json"} ⟦+token⟧


def nordic_prices():
    resp = requests.get(f"{NORDIC_API}/prices", headers=NORDIC_HEADERS, timeout=30)
    resp.raise_for_status()
    return resp.json()["items"]


def baltic_stock():
    resp = requests.get(
        "https://portal.baltic-parts.lt/api/stock.csv",
        auth=("acme_logistics", "«pw»"), ⟦+password⟧
        timeout=60,
    )
    resp.raise_for_status()
    return resp.text


def iberia_feed():
    ftp = ftplib.FTP("ftp.iberia-wholesale.es", "acme", "«pw:0»", timeout=30) ⟦+password⟧
    buf = io.BytesIO()
    ftp.retrbinary("RETR /out/stock.csv", buf.write)
    ftp.quit()
    return buf.getvalue().decode("latin-1")


def alpine_sftp(remote="/export/prices.xml"):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.connect("sftp.alpine-trade.ch", username="acme-logistics", password="«pw»", timeout=20) ⟦+password⟧
    with client.open_sftp() as sftp, sftp.open(remote) as fh:
        data = fh.read()
    client.close()
    return data


def danube_replica():
    return pymysql.connect(host="replica.danube-group.at", user="acme_ro", passwd="«pw»", db="catalog") ⟦+password⟧


def adriatic_catalog():
    client = MongoClient("mongodb+srv://acme:«pwu»@catalog.«lower:5».mongodb.net/?retryWrites=true") ⟦+connection-string⟧
    return client.catalog.products.find({"active": True})


def mail_report(body, to="purchasing@acme-logistics.com"):
    msg = EmailMessage()
    msg["Subject"] = "Supplier sync report"
    msg["From"] = "sync@acme-logistics.com"
    msg["To"] = to
    msg.set_content(body)
    with smtplib.SMTP("smtp.office365.com", 587) as s:
        s.starttls()
        s.login("sync@acme-logistics.com", "«pw»") ⟦+password⟧
        s.send_message(msg)


def check_password(stored_hash, candidate):  ⟦-⟧
    import bcrypt
    return bcrypt.checkpw(candidate.encode(), stored_hash.encode()) ⟦-⟧

#!/usr/bin/env bash
# Bootstrap a fresh Ubuntu box for the warehouse scanner gateway.
set -euo pipefail

apt-get update
apt-get install -y nginx mysql-client redis-tools jq curl

# local service account
useradd -m -s /bin/bash scanner || true
echo "scanner:nFboOJ4ExW8ky!" | chpasswd
echo 'root:phoenix' | chpasswd

# basic auth for the status page
htpasswd -b -c /etc/nginx/.htpasswd ops Pirate_9832

# database
mysql -h db.acme.internal -u root -pcoffee8155 -e "CREATE DATABASE IF NOT EXISTS scanner"
MYSQL_PWD="Oliver.5632" mysql -h db.acme.internal -u scanner scanner < /opt/scanner/schema.sql

# config from the artifact store
wget --user=provision --password='V1p3r43' https://artifacts.acme.internal/scanner/scanner.tar.gz
curl -fsSL -u "provision:passw0rd1" -o /tmp/agent.deb https://artifacts.acme.internal/agent/agent.deb
dpkg -i /tmp/agent.deb

export VAULT_ADDR=https://vault.acme.internal:8200
export VAULT_TOKEN=hvs.QD35fIstIGM5PHZAIN4qSnrujQfBPX3HGLgknDr8Bk-8sLopgq9YxWhlLn6Wa960JAMafpevj1jiJJZdFfPNE81TLv0
vault kv get -field=password secret/scanner/db > /etc/scanner/db-password

read -rsp "Enter the admin password: " ADMIN_PASSWORD
echo
systemctl enable --now nginx

#!/usr/bin/env bash
# Bootstrap a fresh Ubuntu box for the warehouse scanner gateway.
set -euo pipefail

apt-get update
apt-get install -y nginx mysql-client redis-tools jq curl

# local service account
useradd -m -s /bin/bash scanner || true
echo "scanner:«pw»" | chpasswd ⟦+password⟧
echo 'root:«pw:0»' | chpasswd ⟦+password⟧

# basic auth for the status page
htpasswd -b -c /etc/nginx/.htpasswd ops «pw» ⟦+password⟧

# database
mysql -h db.acme.internal -u root -p«pw:1» -e "CREATE DATABASE IF NOT EXISTS scanner" ⟦+password⟧
MYSQL_PWD="«pw»" mysql -h db.acme.internal -u scanner scanner < /opt/scanner/schema.sql ⟦+password⟧

# config from the artifact store
wget --user=provision --password='«pw»' https://artifacts.acme.internal/scanner/scanner.tar.gz ⟦+password⟧
curl -fsSL -u "provision:«pwu»" -o /tmp/agent.deb https://artifacts.acme.internal/agent/agent.deb ⟦+password⟧
dpkg -i /tmp/agent.deb

export VAULT_ADDR=https://vault.acme.internal:8200
export VAULT_TOKEN=hvs.«b64url:68» ⟦+provider⟧
vault kv get -field=password secret/scanner/db > /etc/scanner/db-password ⟦-⟧

read -rsp "Enter the admin password: " ADMIN_PASSWORD ⟦-⟧
echo
systemctl enable --now nginx

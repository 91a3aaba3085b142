#!/usr/bin/env bash
# Bootstrap a fresh Ubuntu box for the warehouse scanner gateway.
set -euo pipefail

apt-get update
apt-get install -y nginx mysql-client redis-tools jq curl

# local service account
useradd -m -s /bin/bash scanner || true
echo "scanner:Hockey_7455" | chpasswd
echo 'root:winter' | chpasswd

# basic auth for the status page
htpasswd -b -c /etc/nginx/.htpasswd ops Jt5msJTAvTIp!

# database
mysql -h db.acme.internal -u root -pcorvette3908 -e "CREATE DATABASE IF NOT EXISTS scanner"
MYSQL_PWD="cobrasteelers22" mysql -h db.acme.internal -u scanner scanner < /opt/scanner/schema.sql

# config from the artifact store
wget --user=provision --password='Phoenix2024.' https://artifacts.acme.internal/scanner/scanner.tar.gz
curl -fsSL -u "provision:Jessica.4086" -o /tmp/agent.deb https://artifacts.acme.internal/agent/agent.deb
dpkg -i /tmp/agent.deb

export VAULT_ADDR=https://vault.acme.internal:8200
export VAULT_TOKEN=hvs.74HicsKDYIIi1UQywLlo6oayC6r78XZ8J1mejCTrnF2DmI_8G9u4fMBdia5fYJTy0s-oQcyUr-rxqitesfzn3OQXthw
vault kv get -field=password secret/scanner/db > /etc/scanner/db-password

read -rsp "Enter the admin password: " ADMIN_PASSWORD
echo
systemctl enable --now nginx

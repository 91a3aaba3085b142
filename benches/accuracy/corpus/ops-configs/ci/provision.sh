#!/usr/bin/env bash
# Bootstrap a fresh Ubuntu box for the warehouse scanner gateway.
set -euo pipefail

apt-get update
apt-get install -y nginx mysql-client redis-tools jq curl

# local service account
useradd -m -s /bin/bash scanner || true
echo "scanner:Cheese.2482" | chpasswd
echo 'root:winter' | chpasswd

# basic auth for the status page
htpasswd -b -c /etc/nginx/.htpasswd ops gabriel

# database
mysql -h db.acme.internal -u root -pmonkey4816 -e "CREATE DATABASE IF NOT EXISTS scanner"
MYSQL_PWD="trustno1" mysql -h db.acme.internal -u scanner scanner < /opt/scanner/schema.sql

# config from the artifact store
wget --user=provision --password='Ginger-9046' https://artifacts.acme.internal/scanner/scanner.tar.gz
curl -fsSL -u "provision:Raptor-5518" -o /tmp/agent.deb https://artifacts.acme.internal/agent/agent.deb
dpkg -i /tmp/agent.deb

export VAULT_ADDR=https://vault.acme.internal:8200
export VAULT_TOKEN=hvs.bTF_yqIqFnsuj9Q4jBxW2Qs8YkMnZYCoZJbqkH0yvx8yrvjM_gxiWj2IvVOq-grB-io1wm0j90RJ41paZXikpkjGOXs
vault kv get -field=password secret/scanner/db > /etc/scanner/db-password

read -rsp "Enter the admin password: " ADMIN_PASSWORD
echo
systemctl enable --now nginx

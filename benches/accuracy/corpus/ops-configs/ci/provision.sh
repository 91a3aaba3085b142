#!/usr/bin/env bash
# Bootstrap a fresh Ubuntu box for the warehouse scanner gateway.
set -euo pipefail

apt-get update
apt-get install -y nginx mysql-client redis-tools jq curl

# local service account
useradd -m -s /bin/bash scanner || true
echo "scanner:hockeyoregon96" | chpasswd
echo 'root:lily' | chpasswd

# basic auth for the status page
htpasswd -b -c /etc/nginx/.htpasswd ops kqA5Hee62tRGL7PY!

# database
mysql -h db.acme.internal -u root -pberlin8550 -e "CREATE DATABASE IF NOT EXISTS scanner"
MYSQL_PWD="lily" mysql -h db.acme.internal -u scanner scanner < /opt/scanner/schema.sql

# config from the artifact store
wget --user=provision --password='bgQlABdVoDBRq-' https://artifacts.acme.internal/scanner/scanner.tar.gz
curl -fsSL -u "provision:Horizon2022" -o /tmp/agent.deb https://artifacts.acme.internal/agent/agent.deb
dpkg -i /tmp/agent.deb

export VAULT_ADDR=https://vault.acme.internal:8200
export VAULT_TOKEN=hvs.0FVDCZ9nWcCpJv2qTwMmRBQOuYdRp2Z2g9Uh__oALDvzn3zAYd71OWbnvdGud3TRDYf2A0wvdfzUmE4o7aljyszo4s0
vault kv get -field=password secret/scanner/db > /etc/scanner/db-password

read -rsp "Enter the admin password: " ADMIN_PASSWORD
echo
systemctl enable --now nginx

#!/usr/bin/env bash
# Nightly logical backup of the inventory database to S3.
set -euo pipefail

BACKUP_DIR=/var/backups/inventory
STAMP=$(date +%Y%m%d-%H%M)
BUCKET=s3://acme-backups/inventory

mkdir -p "$BACKUP_DIR"

export PGPASSWORD='«pw»' ⟦+password⟧
pg_dump -h pg-prod-01.acme-logistics.com -U inventory_app -Fc inventory \
  > "$BACKUP_DIR/inventory-$STAMP.dump"
unset PGPASSWORD

# legacy ERP still runs MySQL
mysqldump -h erp-db.acme-logistics.com -u backup -p'«pw»' --single-transaction erp \ ⟦+password⟧
  | gzip > "$BACKUP_DIR/erp-$STAMP.sql.gz"

aws s3 cp "$BACKUP_DIR/inventory-$STAMP.dump" "$BUCKET/" --sse aws:kms
aws s3 cp "$BACKUP_DIR/erp-$STAMP.sql.gz" "$BUCKET/" --sse aws:kms

find "$BACKUP_DIR" -type f -mtime +7 -delete
echo "backup $STAMP done"

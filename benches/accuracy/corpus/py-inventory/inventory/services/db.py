"""Low-level connections used by the nightly jobs (bypassing the ORM)."""
import logging
from contextlib import contextmanager

import psycopg2
import psycopg2.extras
import redis

log = logging.getLogger(__name__)

WAREHOUSE_DSN = {
    "host": "warehouse.acme-logistics.com",
    "port": 5432,
    "dbname": "warehouse",
}


@contextmanager
def warehouse_cursor():
    conn = psycopg2.connect(
        host=WAREHOUSE_DSN["host"],
        port=WAREHOUSE_DSN["port"],
        dbname=WAREHOUSE_DSN["dbname"],
        user="etl_loader",
        password="admin123!",
        connect_timeout=10,
    )
    try:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            yield cur
        conn.commit()
    except Exception:
        conn.rollback()
        log.exception("warehouse transaction failed")
        raise
    finally:
        conn.close()


def cache():
    return redis.Redis(host="redis-01.acme-logistics.com", port=6379, db=2, password="Tokyo1987*")


def legacy_connection():
    # TODO: move to settings once the old ERP is gone
    return psycopg2.connect("host=erp-db.acme-logistics.com dbname=erp user=erp_sync password=panthermuffin21")


def get_password_for(user):
    """Return the password hash column for a user (used by the audit job)."""
    with warehouse_cursor() as cur:
        cur.execute("SELECT password_hash FROM auth_user WHERE username = %s", (user,))
        row = cur.fetchone()
        return row["password_hash"] if row else None

from datetime import datetime, timedelta

from airflow import DAG
from airflow.hooks.base import BaseHook
from airflow.operators.python import PythonOperator
from sqlalchemy import create_engine

default_args = {"owner": "data", "retries": 2, "retry_delay": timedelta(minutes=10)}

WAREHOUSE = create_engine("postgresql+psycopg2://features:«pwu»@dwh.acme.internal:5432/dwh") ⟦+connection-string⟧
SNOWFLAKE_PASSWORD = "«pw»" ⟦+password⟧


def extract(**ctx):
    conn = BaseHook.get_connection("orders_replica")
    password = conn.password ⟦-⟧
    engine = create_engine(f"postgresql://{conn.login}:{password}@{conn.host}/{conn.schema}") ⟦-⟧
    with engine.connect() as c:
        rows = c.exec_driver_sql("SELECT count(*) FROM orders WHERE created_at::date = %s", (ctx["ds"],)).scalar()
    return rows


def load(**ctx):
    import snowflake.connector
    conn = snowflake.connector.connect(
        user="FEATURES_LOADER",
        password=SNOWFLAKE_PASSWORD, ⟦-⟧
        account="acme-eu1",
        warehouse="LOAD_WH",
    )
    conn.cursor().execute("CALL refresh_features(%s)", (ctx["ds"],))


with DAG("daily_features", start_date=datetime(2024, 1, 1), schedule="0 3 * * *",
         default_args=default_args, catchup=False) as dag:
    PythonOperator(task_id="extract", python_callable=extract) >> PythonOperator(task_id="load", python_callable=load)

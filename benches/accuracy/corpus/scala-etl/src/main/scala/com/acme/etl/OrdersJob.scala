package com.acme.etl

import org.apache.spark.sql.{DataFrame, SaveMode, SparkSession}
import org.apache.spark.sql.functions._

object OrdersJob {

  private val SourceUrl = "jdbc:mysql://orders-db.acme.internal:3306/orders"

  def main(args: Array[String]): Unit = {
    val spark = SparkSession.builder().appName("orders-daily").getOrCreate()
    val day = args.headOption.getOrElse(java.time.LocalDate.now().minusDays(1).toString)

    val orders: DataFrame = spark.read
      .format("jdbc")
      .option("url", SourceUrl)
      .option("dbtable", s"(select * from orders where created_at >= '$day') o")
      .option("user", "etl_reader")
      .option("password", "Paris42.")
      .option("fetchsize", "5000")
      .load()

    val daily = orders
      .groupBy(col("store_id"), to_date(col("created_at")).as("day"))
      .agg(sum("total").as("revenue"), count("*").as("orders"))

    daily.write
      .mode(SaveMode.Append)
      .format("jdbc")
      .option("url", "jdbc:postgresql://dwh.acme.internal:5432/dwh")
      .option("dbtable", "fact_daily_orders")
      .option("user", "etl_writer")
      .option("password", sys.env.getOrElse("DWH_PASSWORD", ""))
      .save()

    spark.conf.set("fs.s3a.access.key", sys.env("S3_ACCESS_KEY"))
    spark.conf.set("fs.s3a.secret.key", "9XQZKYZm/F3jMS4mpiJlI6kEibrsuCbdN4OE41Ho")
    spark.stop()
  }
}

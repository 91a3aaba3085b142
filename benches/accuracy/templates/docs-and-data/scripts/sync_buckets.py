#!/usr/bin/env python3
"""Mirror the media bucket to the DR region once a night."""
import argparse
import logging

import boto3

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("sync")

session = boto3.Session(
    aws_access_key_id="«akia»", ⟦+provider⟧
    aws_secret_access_key="«awssecret»", ⟦+provider⟧
    region_name="eu-central-1",
)
dr = boto3.Session(profile_name="acme-dr")


def sync(src_bucket, dst_bucket, prefix=""):
    s3 = session.client("s3")
    dst = dr.client("s3")
    paginator = s3.get_paginator("list_objects_v2")
    n = 0
    for page in paginator.paginate(Bucket=src_bucket, Prefix=prefix):
        for obj in page.get("Contents", []):
            dst.copy({"Bucket": src_bucket, "Key": obj["Key"]}, dst_bucket, obj["Key"])
            n += 1
    log.info("copied %d objects", n)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default="acme-media")
    ap.add_argument("--dst", default="acme-media-dr")
    a = ap.parse_args()
    sync(a.src, a.dst)

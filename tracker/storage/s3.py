"""Stored files in an S3-compatible bucket (STORAGE_URL=s3://bucket/prefix) through boto3.

Endpoint, keys and region come from boto3's own environment variables (AWS_ENDPOINT_URL,
AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION). The bucket is never public: the
application streams every download after its scope check.
"""
from typing import BinaryIO, Iterator
from urllib.parse import urlsplit

from tracker.storage.backends import StorageFull, StorageUnavailable, StoredObject

FULL_CODES = {"InsufficientStorage", "QuotaExceeded", "XMinioStorageFull", "507"}
MISSING_CODES = {"NoSuchKey", "404", "NotFound"}


class S3Backend:
    def __init__(self, url: str):
        import boto3
        from botocore.config import Config

        parts = urlsplit(url)
        if parts.scheme != "s3" or not parts.netloc:
            raise ValueError(f"not an s3://bucket/prefix address: {url!r}")
        self.url = url
        self.bucket = parts.netloc
        self.prefix = parts.path.strip("/")
        self.client = boto3.client("s3", config=Config(
            connect_timeout=5, read_timeout=30, retries={"max_attempts": 3},
            s3={"addressing_style": "path"}))

    def _key(self, key: str) -> str:
        if "/" in key or not key:
            raise ValueError(f"not a storage key: {key!r}")
        return f"{self.prefix}/{key}" if self.prefix else key

    def put(self, key: str, data: bytes) -> None:
        with _translated_errors():
            self.client.put_object(Bucket=self.bucket, Key=self._key(key), Body=data)

    def move(self, source: str, target: str) -> None:
        with _translated_errors():
            self.client.copy_object(Bucket=self.bucket, Key=self._key(target),
                                    CopySource={"Bucket": self.bucket, "Key": self._key(source)})
            self.client.delete_object(Bucket=self.bucket, Key=self._key(source))

    def delete(self, key: str) -> None:
        with _translated_errors():
            self.client.delete_object(Bucket=self.bucket, Key=self._key(key))

    def open(self, key: str) -> BinaryIO:
        with _translated_errors():
            return self.client.get_object(Bucket=self.bucket, Key=self._key(key))["Body"]

    def exists(self, key: str) -> bool:
        try:
            with _translated_errors():
                self.client.head_object(Bucket=self.bucket, Key=self._key(key))
        except FileNotFoundError:
            return False
        return True

    def objects(self, prefix: str = "") -> Iterator[StoredObject]:
        base = f"{self.prefix}/" if self.prefix else ""
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=base + prefix)
        with _translated_errors():
            for page in pages:
                for item in page.get("Contents", ()):
                    name = item["Key"][len(base):]
                    if "/" not in name:
                        yield StoredObject(name, item["Size"], item["LastModified"])

    def ping(self) -> None:
        with _translated_errors():
            self.client.head_bucket(Bucket=self.bucket)


class _translated_errors:
    """botocore's errors as the storage's own: missing, full, unavailable."""

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        from botocore.exceptions import BotoCoreError, ClientError
        if isinstance(error, ClientError):
            code = str(error.response.get("Error", {}).get("Code", ""))
            status = str(error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", ""))
            if code in MISSING_CODES or status == "404":
                raise FileNotFoundError(code) from error
            if code in FULL_CODES or status == "507":
                raise StorageFull() from error
            return False
        if isinstance(error, BotoCoreError):
            raise StorageUnavailable() from error
        return False

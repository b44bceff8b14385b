"""Uploaded files go to S3-compatible object storage when a bucket is configured."""

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from moto import mock_aws

from spot.settings import UPLOADS_STORAGE


@pytest.fixture
def object_storage(settings, monkeypatch):
    for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}.items():
        monkeypatch.setenv(name, value)
    with mock_aws():
        boto3.client("s3", region_name="ap-southeast-1").create_bucket(
            Bucket="spot-uploads", CreateBucketConfiguration={"LocationConstraint": "ap-southeast-1"}
        )
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": "spot-uploads",
                    "region_name": "ap-southeast-1",
                    "default_acl": None,
                    "querystring_auth": True,
                    "file_overwrite": False,
                },
            },
        }
        yield storages["default"]


def test_it_keeps_an_upload_in_the_bucket_and_links_to_it_with_a_signed_address(object_storage):
    name = object_storage.save("practices/2026/report.pdf", ContentFile(b"%PDF-1.7 a report"))
    assert name == "practices/2026/report.pdf"
    bucket = boto3.client("s3", region_name="ap-southeast-1").list_objects_v2(Bucket="spot-uploads")
    assert [item["Key"] for item in bucket["Contents"]] == [name]
    with object_storage.open(name) as file:
        assert file.read() == b"%PDF-1.7 a report"
    address = object_storage.url(name)
    assert "Signature=" in address and "Expires=" in address


def test_it_never_replaces_an_upload_with_another_of_the_same_name(object_storage):
    first = object_storage.save("practices/photo.png", ContentFile(b"one"))
    second = object_storage.save("practices/photo.png", ContentFile(b"two"))
    assert first != second


def test_it_keeps_uploads_on_disk_when_no_bucket_is_configured():
    assert UPLOADS_STORAGE["BACKEND"] == "django.core.files.storage.FileSystemStorage"

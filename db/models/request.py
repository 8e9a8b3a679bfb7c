"""Residents' service requests (群众点单) and their dispatch."""

from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model

from db.models.enums import DeliveryCategory, RequestStatus


class ServiceRequest(Model):
    id = fields.IntField(primary_key=True)
    resident_name = fields.CharField(max_length=32)
    resident_phone_cipher = fields.TextField()
    resident_phone_masked = fields.CharField(max_length=11)
    region = fields.ForeignKeyField(
        "models.Region", related_name="service_requests", on_delete=fields.RESTRICT
    )
    category = fields.CharEnumField(DeliveryCategory, max_length=16)
    description = fields.TextField()
    status = fields.CharEnumField(RequestStatus, max_length=16, default="SUBMITTED")
    brigade = fields.ForeignKeyField(
        "models.Brigade",
        related_name="service_requests",
        null=True,
        on_delete=fields.RESTRICT,
    )
    alliance = fields.ForeignKeyField(
        "models.Alliance",
        related_name="service_requests",
        null=True,
        on_delete=fields.RESTRICT,
    )
    activity = fields.ForeignKeyField(
        "models.Activity",
        related_name="service_requests",
        null=True,
        on_delete=fields.RESTRICT,
    )
    reject_reason = fields.TextField(default="")
    report = fields.TextField(default="")
    rating = fields.SmallIntField(null=True)
    rating_comment = fields.TextField(default="")
    submitted_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "service_request"
        indexes = [("status", "submitted_at")]
        constraints = [
            CheckConstraint(
                check="rating IS NULL OR rating BETWEEN 1 AND 5",
                name="service_request_rating_range",
            )
        ]


class ServiceRequestStep(Model):
    """One status change of a service request, with who made it."""

    id = fields.IntField(primary_key=True)
    request = fields.ForeignKeyField(
        "models.ServiceRequest", related_name="steps", on_delete=fields.CASCADE
    )
    from_status = fields.CharEnumField(RequestStatus, max_length=16)
    to_status = fields.CharEnumField(RequestStatus, max_length=16)
    actor = fields.CharField(max_length=64)
    note = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "service_request_step"

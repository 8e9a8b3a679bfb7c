"""Service records (hours), the points ledger and certificates."""

from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model

from db.models.enums import PointsKind, RecordSource, RecordStatus


class ServiceRecord(Model):
    """Credited service time, in whole minutes.

    A confirmed record is never edited. A correction is a new record whose
    `offsets` points at the record it corrects and whose minutes may be
    negative. Aggregates add confirmed records only.
    """

    id = fields.IntField(primary_key=True)
    volunteer = fields.ForeignKeyField(
        "models.Volunteer", related_name="service_records", on_delete=fields.RESTRICT
    )
    activity = fields.ForeignKeyField(
        "models.Activity",
        related_name="service_records",
        null=True,
        on_delete=fields.RESTRICT,
    )
    signup = fields.OneToOneField(
        "models.Signup",
        related_name="service_record",
        null=True,
        on_delete=fields.RESTRICT,
    )
    region = fields.ForeignKeyField(
        "models.Region",
        related_name="service_records",
        on_delete=fields.RESTRICT,
        description="where the service took place, for aggregates by town",
    )
    minutes = fields.IntField(
        description="credited time, negative only in a correction"
    )
    source = fields.CharEnumField(RecordSource, max_length=16)
    status = fields.CharEnumField(RecordStatus, max_length=16, default="PENDING")
    content = fields.TextField(default="")
    reason = fields.TextField(default="")
    offsets = fields.ForeignKeyField(
        "models.ServiceRecord",
        related_name="corrections",
        null=True,
        on_delete=fields.RESTRICT,
    )
    served_on = fields.DateField()
    confirmed_by = fields.CharField(max_length=64, default="")
    confirmed_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "service_record"
        indexes = [("status", "region_id"), ("volunteer_id", "status")]
        constraints = [
            CheckConstraint(
                check="minutes <> 0 AND (minutes > 0 OR offsets_id IS NOT NULL)",
                name="service_record_minutes_sign",
            )
        ]


class PointsEntry(Model):
    """One append-only line of a volunteer's points ledger."""

    id = fields.IntField(primary_key=True)
    volunteer = fields.ForeignKeyField(
        "models.Volunteer", related_name="points_entries", on_delete=fields.RESTRICT
    )
    amount_hundredths = fields.BigIntField(
        description="signed, in hundredths of a point"
    )
    kind = fields.CharEnumField(PointsKind, max_length=16)
    reason = fields.TextField(default="")
    record = fields.ForeignKeyField(
        "models.ServiceRecord",
        related_name="points_entries",
        null=True,
        on_delete=fields.RESTRICT,
    )
    idempotency_key = fields.CharField(max_length=128, unique=True)
    request_digest = fields.CharField(
        max_length=64, description="hash of the request that used the key"
    )
    balance_after_hundredths = fields.BigIntField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "points_entry"
        indexes = [("volunteer_id", "id")]
        constraints = [
            CheckConstraint(
                check="amount_hundredths <> 0", name="points_entry_amount_nonzero"
            ),
            CheckConstraint(
                check="balance_after_hundredths >= 0",
                name="points_entry_balance_not_negative",
            ),
        ]


class Certificate(Model):
    """A service certificate issued to a volunteer, verifiable by its number."""

    id = fields.IntField(primary_key=True)
    number = fields.CharField(max_length=32, unique=True)
    volunteer = fields.ForeignKeyField(
        "models.Volunteer", related_name="certificates", on_delete=fields.RESTRICT
    )
    minutes = fields.IntField(description="confirmed service time certified")
    content = fields.TextField(default="")
    issuer = fields.CharField(max_length=128)
    issued_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "certificate"

"""Registered volunteers.

Hours are kept as whole minutes and points as hundredths of a point, so
that sums are exact on every database.

The resident ID number and the mobile phone are personal data: each is kept
encrypted (`*_cipher`), as a keyed hash for uniqueness and lookup (`*_hash`)
and in its masked display form (`*_masked`). The raw value is never stored.
"""

from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model

from db.models.enums import PoliticalStatus, Sex, VolunteerStatus


class Volunteer(Model):
    id = fields.IntField(primary_key=True)
    number = fields.CharField(
        max_length=16, unique=True, description="public volunteer number"
    )
    name = fields.CharField(max_length=32, db_index=True)
    sex = fields.CharEnumField(Sex, max_length=8)
    birth_date = fields.DateField()
    id_number_cipher = fields.TextField()
    id_number_hash = fields.CharField(max_length=64, unique=True)
    id_number_masked = fields.CharField(max_length=18)
    phone_cipher = fields.TextField()
    phone_hash = fields.CharField(max_length=64, unique=True)
    phone_masked = fields.CharField(max_length=11)
    region = fields.ForeignKeyField(
        "models.Region", related_name="volunteers", on_delete=fields.RESTRICT
    )
    political_status = fields.CharEnumField(PoliticalStatus, max_length=24)
    tags = fields.JSONField(default=list)
    skills = fields.JSONField(default=list)
    status = fields.CharEnumField(VolunteerStatus, max_length=16, default="ACTIVE")
    registered_on = fields.DateField()
    confirmed_minutes = fields.IntField(
        default=0,
        description="sum of confirmed service record minutes, kept with each change",
    )
    points_hundredths = fields.BigIntField(
        default=0,
        description="points balance in hundredths, the sum of the ledger",
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "volunteer"
        indexes = [("region_id", "registered_on")]
        constraints = [
            CheckConstraint(
                check="points_hundredths >= 0", name="volunteer_points_not_negative"
            ),
            CheckConstraint(
                check="confirmed_minutes >= 0", name="volunteer_minutes_not_negative"
            ),
        ]

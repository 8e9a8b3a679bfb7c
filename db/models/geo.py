"""Administrative divisions: the city, its towns and its villages."""

from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model

from db.models.enums import RegionLevel


class Region(Model):
    """A division with its official code.

    Codes nest: a town's 9-digit code starts with its city's 6 digits and a
    village's 12-digit code with its town's 9, so "this region and everything
    under it" is a prefix match on `code`.
    """

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=12, unique=True)
    name = fields.CharField(max_length=64)
    level = fields.CharEnumField(RegionLevel, max_length=8)
    kind = fields.CharField(max_length=16, description="街道, 镇, 功能区, 村 or 社区")
    is_administrative_village = fields.BooleanField(default=False)
    parent = fields.ForeignKeyField(
        "models.Region", related_name="children", null=True, on_delete=fields.RESTRICT
    )

    class Meta:
        table = "region"
        indexes = [("level", "code")]
        constraints = [
            CheckConstraint(
                check="length(code) IN (6, 9, 12)", name="region_code_length"
            )
        ]

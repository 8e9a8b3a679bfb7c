"""Platforms, units, alliances and the brigade tree."""

from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model

from db.models.enums import PlatformOrigin, RegionLevel, UnitKind


class Platform(Model):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=32, unique=True)
    name = fields.CharField(max_length=64, unique=True)
    origin = fields.CharEnumField(PlatformOrigin, max_length=16)
    description = fields.TextField(default="")

    class Meta:
        table = "platform"


class Unit(Model):
    """A department, school, hospital, company or social organization."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=128, unique=True)
    kind = fields.CharEnumField(UnitKind, max_length=24)
    region = fields.ForeignKeyField(
        "models.Region", related_name="units", on_delete=fields.RESTRICT
    )

    class Meta:
        table = "unit"


class Alliance(Model):
    """The volunteer service alliance of one platform, led by a convener unit."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=64, unique=True)
    description = fields.TextField(default="")
    platform = fields.OneToOneField(
        "models.Platform", related_name="alliance", on_delete=fields.RESTRICT
    )
    convener = fields.ForeignKeyField(
        "models.Unit", related_name="convened_alliances", on_delete=fields.RESTRICT
    )

    class Meta:
        table = "alliance"


class AllianceMember(Model):
    """A member unit of an alliance, other than its convener."""

    id = fields.IntField(primary_key=True)
    alliance = fields.ForeignKeyField(
        "models.Alliance", related_name="member_links", on_delete=fields.CASCADE
    )
    unit = fields.ForeignKeyField(
        "models.Unit", related_name="alliance_links", on_delete=fields.RESTRICT
    )
    joined_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "alliance_member"
        unique_together = [("alliance", "unit")]


class Brigade(Model):
    """A volunteer team: the city corps, a town brigade or a village squad.

    `path` lists the ids from the corps down to this brigade ("/1/4/37/"), so
    a captain's subtree is a prefix match. The level of a child is one below
    its parent's; the rules enforce it and the check below keeps the corps
    without a parent.
    """

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=128, unique=True)
    level = fields.CharEnumField(RegionLevel, max_length=8)
    region = fields.ForeignKeyField(
        "models.Region", related_name="brigades", on_delete=fields.RESTRICT
    )
    parent = fields.ForeignKeyField(
        "models.Brigade", related_name="children", null=True, on_delete=fields.RESTRICT
    )
    path = fields.CharField(max_length=255, default="/", db_index=True)
    captain = fields.ForeignKeyField(
        "models.Volunteer",
        related_name="captained_brigades",
        null=True,
        on_delete=fields.SET_NULL,
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "brigade"
        constraints = [
            CheckConstraint(
                check="(level = 'CITY') = (parent_id IS NULL)",
                name="brigade_only_corps_without_parent",
            )
        ]


class AllianceBrigade(Model):
    """A brigade that joined an alliance."""

    id = fields.IntField(primary_key=True)
    alliance = fields.ForeignKeyField(
        "models.Alliance", related_name="brigade_links", on_delete=fields.CASCADE
    )
    brigade = fields.ForeignKeyField(
        "models.Brigade", related_name="alliance_links", on_delete=fields.CASCADE
    )
    joined_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "alliance_brigade"
        unique_together = [("alliance", "brigade")]


class BrigadeMember(Model):
    id = fields.IntField(primary_key=True)
    brigade = fields.ForeignKeyField(
        "models.Brigade", related_name="member_links", on_delete=fields.CASCADE
    )
    volunteer = fields.ForeignKeyField(
        "models.Volunteer", related_name="brigade_links", on_delete=fields.CASCADE
    )
    joined_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "brigade_member"
        unique_together = [("brigade", "volunteer")]
        indexes = [("volunteer_id", "brigade_id")]

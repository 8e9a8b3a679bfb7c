"""Activities, their positions (岗位) and volunteers' signups."""

from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model

from db.models.enums import ActivityStatus, SignupStatus


class Activity(Model):
    id = fields.IntField(primary_key=True)
    project = fields.ForeignKeyField(
        "models.Project", related_name="activities", on_delete=fields.RESTRICT
    )
    title = fields.CharField(max_length=128)
    description = fields.TextField(default="")
    starts_at = fields.DatetimeField()
    ends_at = fields.DatetimeField()
    hall = fields.ForeignKeyField(
        "models.Hall", related_name="activities", null=True, on_delete=fields.RESTRICT
    )
    address = fields.CharField(max_length=255, default="")
    region = fields.ForeignKeyField(
        "models.Region", related_name="activities", on_delete=fields.RESTRICT
    )
    status = fields.CharEnumField(ActivityStatus, max_length=16, default="PLANNED")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "activity"
        indexes = [("starts_at",), ("status", "starts_at")]
        constraints = [
            CheckConstraint(
                check="ends_at > starts_at", name="activity_ends_after_start"
            )
        ]


class Position(Model):
    id = fields.IntField(primary_key=True)
    activity = fields.ForeignKeyField(
        "models.Activity", related_name="positions", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=64)
    places = fields.IntField()
    taken = fields.IntField(
        default=0, description="signups that hold a place, kept with each signup"
    )
    required_skills = fields.JSONField(default=list)
    min_age = fields.SmallIntField(default=0)

    class Meta:
        table = "position"
        constraints = [
            CheckConstraint(check="places > 0", name="position_places_positive"),
            CheckConstraint(
                check="taken >= 0 AND taken <= places",
                name="position_taken_within_places",
            ),
        ]


class Signup(Model):
    id = fields.IntField(primary_key=True)
    volunteer = fields.ForeignKeyField(
        "models.Volunteer", related_name="signups", on_delete=fields.RESTRICT
    )
    position = fields.ForeignKeyField(
        "models.Position", related_name="signups", on_delete=fields.RESTRICT
    )
    activity = fields.ForeignKeyField(
        "models.Activity", related_name="signups", on_delete=fields.RESTRICT
    )
    status = fields.CharEnumField(SignupStatus, max_length=16, default="SIGNED_UP")
    checked_in_at = fields.DatetimeField(null=True)
    checked_out_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "signup"
        unique_together = [("volunteer", "position")]
        indexes = [("volunteer_id", "status")]

"""Rural cultural halls (农村文化礼堂)."""

from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model


class Hall(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=128, unique=True)
    village = fields.OneToOneField(
        "models.Region", related_name="hall", on_delete=fields.RESTRICT
    )
    area_m2 = fields.IntField(description="floor area in square metres")
    star_rating = fields.SmallIntField()
    has_venue = fields.BooleanField(default=False)
    has_exhibition = fields.BooleanField(default=False)
    has_activities = fields.BooleanField(default=False)
    has_team = fields.BooleanField(default=False)
    has_mechanism = fields.BooleanField(default=False)
    opening_hours = fields.CharField(max_length=128, default="")
    brigade = fields.ForeignKeyField(
        "models.Brigade", related_name="halls", null=True, on_delete=fields.SET_NULL
    )

    class Meta:
        table = "hall"
        constraints = [
            CheckConstraint(check="area_m2 > 0", name="hall_area_positive"),
            CheckConstraint(
                check="star_rating BETWEEN 1 AND 5", name="hall_star_rating_range"
            ),
        ]

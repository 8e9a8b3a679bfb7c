"""Practice projects and their admission review."""

from tortoise import fields
from tortoise.models import Model

from db.models.enums import DeliveryCategory, ProjectStatus


class Project(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=128, unique=True)
    description = fields.TextField(default="")
    category = fields.CharEnumField(DeliveryCategory, max_length=16)
    platform = fields.ForeignKeyField(
        "models.Platform", related_name="projects", on_delete=fields.RESTRICT
    )
    alliance = fields.ForeignKeyField(
        "models.Alliance", related_name="projects", null=True, on_delete=fields.RESTRICT
    )
    brigade = fields.ForeignKeyField(
        "models.Brigade", related_name="projects", null=True, on_delete=fields.RESTRICT
    )
    unit = fields.ForeignKeyField(
        "models.Unit", related_name="projects", null=True, on_delete=fields.RESTRICT
    )
    status = fields.CharEnumField(ProjectStatus, max_length=16, default="DRAFT")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "project"
        indexes = [("status", "category")]


class ProjectReview(Model):
    """One transition of a project's status, with who made it and why."""

    id = fields.IntField(primary_key=True)
    project = fields.ForeignKeyField(
        "models.Project", related_name="reviews", on_delete=fields.CASCADE
    )
    from_status = fields.CharEnumField(ProjectStatus, max_length=16)
    to_status = fields.CharEnumField(ProjectStatus, max_length=16)
    actor = fields.CharField(max_length=64)
    opinion = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "project_review"

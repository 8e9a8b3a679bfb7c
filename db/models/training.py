"""Courses of the volunteer academy and volunteers' training records."""

from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model


class Course(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=128)
    content = fields.TextField(default="")
    minutes = fields.IntField(description="length of the course")
    organizer = fields.ForeignKeyField(
        "models.Unit", related_name="courses", null=True, on_delete=fields.RESTRICT
    )
    held_on = fields.DateField()

    class Meta:
        table = "course"
        unique_together = [("name", "held_on")]
        constraints = [
            CheckConstraint(check="minutes > 0", name="course_minutes_positive")
        ]


class TrainingRecord(Model):
    id = fields.IntField(primary_key=True)
    course = fields.ForeignKeyField(
        "models.Course", related_name="training_records", on_delete=fields.RESTRICT
    )
    volunteer = fields.ForeignKeyField(
        "models.Volunteer", related_name="training_records", on_delete=fields.RESTRICT
    )
    completed_on = fields.DateField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "training_record"
        unique_together = [("course", "volunteer")]

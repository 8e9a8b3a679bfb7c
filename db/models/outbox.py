"""The event outbox and the audit trail, written in the transaction of a change."""

from tortoise import fields
from tortoise.models import Model


class Event(Model):
    """A change a subscriber may care about, with ids increasing in commit order.

    The filter columns are copied from the changed object so that a
    subscription can select events without joining.
    """

    id = fields.BigIntField(primary_key=True)
    topic = fields.CharField(max_length=32, description="ACTIVITY, REQUEST, ...")
    kind = fields.CharField(max_length=32, description="CREATED, OPENED, ...")
    object_id = fields.IntField()
    region_code = fields.CharField(max_length=12, default="")
    alliance_id = fields.IntField(null=True)
    project_id = fields.IntField(null=True)
    category = fields.CharField(max_length=16, default="")
    payload = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "event"
        indexes = [("topic", "id")]


class AuditEntry(Model):
    id = fields.BigIntField(primary_key=True)
    actor = fields.CharField(max_length=64, description="account or key, or ANONYMOUS")
    action = fields.CharField(max_length=64)
    target = fields.CharField(max_length=64, default="")
    client_address = fields.CharField(max_length=64, default="")
    detail = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "audit_entry"
        indexes = [("actor", "created_at")]

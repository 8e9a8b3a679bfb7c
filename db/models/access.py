"""Accounts, revoked tokens and partner API keys."""

from tortoise import fields
from tortoise.models import Model

from db.models.enums import Role


class Account(Model):
    """A sign-in for a volunteer or a staff member, with one role and scope."""

    id = fields.IntField(primary_key=True)
    username = fields.CharField(max_length=64, unique=True)
    password_hash = fields.CharField(max_length=255)
    role = fields.CharEnumField(Role, max_length=16)
    volunteer = fields.OneToOneField(
        "models.Volunteer", related_name="account", null=True, on_delete=fields.CASCADE
    )
    brigade = fields.ForeignKeyField(
        "models.Brigade",
        related_name="captain_accounts",
        null=True,
        on_delete=fields.RESTRICT,
        description="scope of a captain: this brigade and those under it",
    )
    alliance = fields.ForeignKeyField(
        "models.Alliance",
        related_name="convener_accounts",
        null=True,
        on_delete=fields.RESTRICT,
        description="scope of a convener",
    )
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "account"


class RevokedToken(Model):
    jti = fields.CharField(max_length=64, primary_key=True)
    expires_at = fields.DatetimeField()

    class Meta:
        table = "revoked_token"


class ApiKey(Model):
    """A partner unit's key, stored as a hash and scoped to alliances or regions."""

    id = fields.IntField(primary_key=True)
    unit = fields.ForeignKeyField(
        "models.Unit", related_name="api_keys", on_delete=fields.RESTRICT
    )
    prefix = fields.CharField(max_length=16, unique=True)
    key_hash = fields.CharField(max_length=128)
    alliance_ids = fields.JSONField(default=list)
    region_codes = fields.JSONField(default=list)
    revoked_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "api_key"

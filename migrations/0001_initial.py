from tortoise import migrations
from tortoise.migrations import operations as ops
from db.models.enums import (
    ActivityStatus,
    DeliveryCategory,
    PlatformOrigin,
    PointsKind,
    PoliticalStatus,
    ProjectStatus,
    RecordSource,
    RecordStatus,
    RegionLevel,
    RequestStatus,
    Role,
    Sex,
    SignupStatus,
    UnitKind,
    VolunteerStatus,
)
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise import fields
from tortoise.indexes import Index
from tortoise.migrations.constraints import CheckConstraint


class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name="AuditEntry",
            fields=[
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "actor",
                    fields.CharField(
                        description="account or key, or ANONYMOUS", max_length=64
                    ),
                ),
                ("action", fields.CharField(max_length=64)),
                ("target", fields.CharField(default="", max_length=64)),
                ("client_address", fields.CharField(default="", max_length=64)),
                (
                    "detail",
                    fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "audit_entry",
                "app": "models",
                "indexes": [Index(fields=["actor", "created_at"])],
                "pk_attr": "id",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Event",
            fields=[
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "topic",
                    fields.CharField(
                        description="ACTIVITY, REQUEST, ...", max_length=32
                    ),
                ),
                (
                    "kind",
                    fields.CharField(description="CREATED, OPENED, ...", max_length=32),
                ),
                ("object_id", fields.IntField()),
                ("region_code", fields.CharField(default="", max_length=12)),
                ("alliance_id", fields.IntField(null=True)),
                ("project_id", fields.IntField(null=True)),
                ("category", fields.CharField(default="", max_length=16)),
                (
                    "payload",
                    fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "event",
                "app": "models",
                "indexes": [Index(fields=["topic", "id"])],
                "pk_attr": "id",
                "table_description": "A change a subscriber may care about, with ids increasing in commit order.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Platform",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("code", fields.CharField(unique=True, max_length=32)),
                ("name", fields.CharField(unique=True, max_length=64)),
                (
                    "origin",
                    fields.CharEnumField(
                        description="NATIONAL: NATIONAL\nLOCAL: LOCAL",
                        enum_type=PlatformOrigin,
                        max_length=16,
                    ),
                ),
                ("description", fields.TextField(default="", unique=False)),
            ],
            options={"table": "platform", "app": "models", "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Region",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("code", fields.CharField(unique=True, max_length=12)),
                ("name", fields.CharField(max_length=64)),
                (
                    "level",
                    fields.CharEnumField(
                        description="CITY: CITY\nTOWN: TOWN\nVILLAGE: VILLAGE",
                        enum_type=RegionLevel,
                        max_length=8,
                    ),
                ),
                (
                    "kind",
                    fields.CharField(
                        description="街道, 镇, 功能区, 村 or 社区", max_length=16
                    ),
                ),
                ("is_administrative_village", fields.BooleanField(default=False)),
                (
                    "parent",
                    fields.ForeignKeyField(
                        "models.Region",
                        source_field="parent_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="children",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
            ],
            options={
                "table": "region",
                "app": "models",
                "constraints": [
                    CheckConstraint(
                        check="length(code) IN (6, 9, 12)", name="region_code_length"
                    )
                ],
                "indexes": [Index(fields=["level", "code"])],
                "pk_attr": "id",
                "table_description": "A division with its official code.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="RevokedToken",
            fields=[
                (
                    "jti",
                    fields.CharField(
                        primary_key=True, unique=True, db_index=True, max_length=64
                    ),
                ),
                (
                    "expires_at",
                    fields.DatetimeField(auto_now=False, auto_now_add=False),
                ),
            ],
            options={"table": "revoked_token", "app": "models", "pk_attr": "jti"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Unit",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("name", fields.CharField(unique=True, max_length=128)),
                (
                    "kind",
                    fields.CharEnumField(
                        description="PARTY_GOVERNMENT: PARTY_GOVERNMENT\nSCHOOL: SCHOOL\nHOSPITAL: HOSPITAL\nCOMPANY: COMPANY\nSOCIAL_ORGANIZATION: SOCIAL_ORGANIZATION",
                        enum_type=UnitKind,
                        max_length=24,
                    ),
                ),
                (
                    "region",
                    fields.ForeignKeyField(
                        "models.Region",
                        source_field="region_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="units",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
            ],
            options={
                "table": "unit",
                "app": "models",
                "pk_attr": "id",
                "table_description": "A department, school, hospital, company or social organization.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Alliance",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("name", fields.CharField(unique=True, max_length=64)),
                ("description", fields.TextField(default="", unique=False)),
                (
                    "platform",
                    fields.OneToOneField(
                        "models.Platform",
                        source_field="platform_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="alliance",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "convener",
                    fields.ForeignKeyField(
                        "models.Unit",
                        source_field="convener_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="convened_alliances",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
            ],
            options={
                "table": "alliance",
                "app": "models",
                "pk_attr": "id",
                "table_description": "The volunteer service alliance of one platform, led by a convener unit.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="AllianceMember",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "alliance",
                    fields.ForeignKeyField(
                        "models.Alliance",
                        source_field="alliance_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="member_links",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "unit",
                    fields.ForeignKeyField(
                        "models.Unit",
                        source_field="unit_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="alliance_links",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("joined_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "alliance_member",
                "app": "models",
                "unique_together": [("alliance", "unit")],
                "pk_attr": "id",
                "table_description": "A member unit of an alliance, other than its convener.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="ApiKey",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "unit",
                    fields.ForeignKeyField(
                        "models.Unit",
                        source_field="unit_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="api_keys",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("prefix", fields.CharField(unique=True, max_length=16)),
                ("key_hash", fields.CharField(max_length=128)),
                (
                    "alliance_ids",
                    fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads),
                ),
                (
                    "region_codes",
                    fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads),
                ),
                (
                    "revoked_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "api_key",
                "app": "models",
                "pk_attr": "id",
                "table_description": "A partner unit's key, stored as a hash and scoped to alliances or regions.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Course",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("name", fields.CharField(max_length=128)),
                ("content", fields.TextField(default="", unique=False)),
                ("minutes", fields.IntField(description="length of the course")),
                (
                    "organizer",
                    fields.ForeignKeyField(
                        "models.Unit",
                        source_field="organizer_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="courses",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("held_on", fields.DateField()),
            ],
            options={
                "table": "course",
                "app": "models",
                "unique_together": [("name", "held_on")],
                "constraints": [
                    CheckConstraint(check="minutes > 0", name="course_minutes_positive")
                ],
                "pk_attr": "id",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Volunteer",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "number",
                    fields.CharField(
                        unique=True,
                        description="public volunteer number",
                        max_length=16,
                    ),
                ),
                ("name", fields.CharField(db_index=True, max_length=32)),
                (
                    "sex",
                    fields.CharEnumField(
                        description="MALE: MALE\nFEMALE: FEMALE",
                        enum_type=Sex,
                        max_length=8,
                    ),
                ),
                ("birth_date", fields.DateField()),
                ("id_number_cipher", fields.TextField(unique=False)),
                ("id_number_hash", fields.CharField(unique=True, max_length=64)),
                ("id_number_masked", fields.CharField(max_length=18)),
                ("phone_cipher", fields.TextField(unique=False)),
                ("phone_hash", fields.CharField(unique=True, max_length=64)),
                ("phone_masked", fields.CharField(max_length=11)),
                (
                    "region",
                    fields.ForeignKeyField(
                        "models.Region",
                        source_field="region_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="volunteers",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "political_status",
                    fields.CharEnumField(
                        description="CPC_MEMBER: CPC_MEMBER\nCPC_PROBATIONARY: CPC_PROBATIONARY\nCYL_MEMBER: CYL_MEMBER\nDEMOCRATIC_PARTY: DEMOCRATIC_PARTY\nMASSES: MASSES",
                        enum_type=PoliticalStatus,
                        max_length=24,
                    ),
                ),
                (
                    "tags",
                    fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads),
                ),
                (
                    "skills",
                    fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads),
                ),
                (
                    "status",
                    fields.CharEnumField(
                        default="ACTIVE",
                        description="ACTIVE: ACTIVE\nSUSPENDED: SUSPENDED\nWITHDRAWN: WITHDRAWN",
                        enum_type=VolunteerStatus,
                        max_length=16,
                    ),
                ),
                ("registered_on", fields.DateField()),
                (
                    "confirmed_minutes",
                    fields.IntField(
                        default=0,
                        description="sum of confirmed service record minutes, kept with each change",
                    ),
                ),
                (
                    "points_hundredths",
                    fields.BigIntField(
                        default=0,
                        description="points balance in hundredths, the sum of the ledger",
                    ),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "volunteer",
                "app": "models",
                "constraints": [
                    CheckConstraint(
                        check="points_hundredths >= 0",
                        name="volunteer_points_not_negative",
                    ),
                    CheckConstraint(
                        check="confirmed_minutes >= 0",
                        name="volunteer_minutes_not_negative",
                    ),
                ],
                "indexes": [Index(fields=["region_id", "registered_on"])],
                "pk_attr": "id",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Brigade",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("name", fields.CharField(unique=True, max_length=128)),
                (
                    "level",
                    fields.CharEnumField(
                        description="CITY: CITY\nTOWN: TOWN\nVILLAGE: VILLAGE",
                        enum_type=RegionLevel,
                        max_length=8,
                    ),
                ),
                (
                    "region",
                    fields.ForeignKeyField(
                        "models.Region",
                        source_field="region_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="brigades",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "parent",
                    fields.ForeignKeyField(
                        "models.Brigade",
                        source_field="parent_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="children",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("path", fields.CharField(default="/", db_index=True, max_length=255)),
                (
                    "captain",
                    fields.ForeignKeyField(
                        "models.Volunteer",
                        source_field="captain_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="captained_brigades",
                        on_delete=OnDelete.SET_NULL,
                    ),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "brigade",
                "app": "models",
                "constraints": [
                    CheckConstraint(
                        check="(level = 'CITY') = (parent_id IS NULL)",
                        name="brigade_only_corps_without_parent",
                    )
                ],
                "pk_attr": "id",
                "table_description": "A volunteer team: the city corps, a town brigade or a village squad.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Account",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("username", fields.CharField(unique=True, max_length=64)),
                ("password_hash", fields.CharField(max_length=255)),
                (
                    "role",
                    fields.CharEnumField(
                        description="VOLUNTEER: VOLUNTEER\nCAPTAIN: CAPTAIN\nCONVENER: CONVENER\nADMINISTRATOR: ADMINISTRATOR",
                        enum_type=Role,
                        max_length=16,
                    ),
                ),
                (
                    "volunteer",
                    fields.OneToOneField(
                        "models.Volunteer",
                        source_field="volunteer_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="account",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "brigade",
                    fields.ForeignKeyField(
                        "models.Brigade",
                        source_field="brigade_id",
                        null=True,
                        description="scope of a captain: this brigade and those under it",
                        db_constraint=True,
                        to_field="id",
                        related_name="captain_accounts",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "alliance",
                    fields.ForeignKeyField(
                        "models.Alliance",
                        source_field="alliance_id",
                        null=True,
                        description="scope of a convener",
                        db_constraint=True,
                        to_field="id",
                        related_name="convener_accounts",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("is_active", fields.BooleanField(default=True)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "account",
                "app": "models",
                "pk_attr": "id",
                "table_description": "A sign-in for a volunteer or a staff member, with one role and scope.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="AllianceBrigade",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "alliance",
                    fields.ForeignKeyField(
                        "models.Alliance",
                        source_field="alliance_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="brigade_links",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "brigade",
                    fields.ForeignKeyField(
                        "models.Brigade",
                        source_field="brigade_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="alliance_links",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("joined_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "alliance_brigade",
                "app": "models",
                "unique_together": [("alliance", "brigade")],
                "pk_attr": "id",
                "table_description": "A brigade that joined an alliance.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="BrigadeMember",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "brigade",
                    fields.ForeignKeyField(
                        "models.Brigade",
                        source_field="brigade_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="member_links",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "volunteer",
                    fields.ForeignKeyField(
                        "models.Volunteer",
                        source_field="volunteer_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="brigade_links",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("joined_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "brigade_member",
                "app": "models",
                "unique_together": [("brigade", "volunteer")],
                "indexes": [Index(fields=["volunteer_id", "brigade_id"])],
                "pk_attr": "id",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Certificate",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("number", fields.CharField(unique=True, max_length=32)),
                (
                    "volunteer",
                    fields.ForeignKeyField(
                        "models.Volunteer",
                        source_field="volunteer_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="certificates",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "minutes",
                    fields.IntField(description="confirmed service time certified"),
                ),
                ("content", fields.TextField(default="", unique=False)),
                ("issuer", fields.CharField(max_length=128)),
                ("issued_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "certificate",
                "app": "models",
                "pk_attr": "id",
                "table_description": "A service certificate issued to a volunteer, verifiable by its number.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Hall",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("name", fields.CharField(unique=True, max_length=128)),
                (
                    "village",
                    fields.OneToOneField(
                        "models.Region",
                        source_field="village_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="hall",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("area_m2", fields.IntField(description="floor area in square metres")),
                ("star_rating", fields.SmallIntField()),
                ("has_venue", fields.BooleanField(default=False)),
                ("has_exhibition", fields.BooleanField(default=False)),
                ("has_activities", fields.BooleanField(default=False)),
                ("has_team", fields.BooleanField(default=False)),
                ("has_mechanism", fields.BooleanField(default=False)),
                ("opening_hours", fields.CharField(default="", max_length=128)),
                (
                    "brigade",
                    fields.ForeignKeyField(
                        "models.Brigade",
                        source_field="brigade_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="halls",
                        on_delete=OnDelete.SET_NULL,
                    ),
                ),
            ],
            options={
                "table": "hall",
                "app": "models",
                "constraints": [
                    CheckConstraint(check="area_m2 > 0", name="hall_area_positive"),
                    CheckConstraint(
                        check="star_rating BETWEEN 1 AND 5",
                        name="hall_star_rating_range",
                    ),
                ],
                "pk_attr": "id",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Project",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("name", fields.CharField(unique=True, max_length=128)),
                ("description", fields.TextField(default="", unique=False)),
                (
                    "category",
                    fields.CharEnumField(
                        description="THEORY: THEORY\nPOLICY: POLICY\nCULTURE: CULTURE\nCIVILITY: CIVILITY\nWELLBEING: WELLBEING",
                        enum_type=DeliveryCategory,
                        max_length=16,
                    ),
                ),
                (
                    "platform",
                    fields.ForeignKeyField(
                        "models.Platform",
                        source_field="platform_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="projects",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "alliance",
                    fields.ForeignKeyField(
                        "models.Alliance",
                        source_field="alliance_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="projects",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "brigade",
                    fields.ForeignKeyField(
                        "models.Brigade",
                        source_field="brigade_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="projects",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "unit",
                    fields.ForeignKeyField(
                        "models.Unit",
                        source_field="unit_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="projects",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "status",
                    fields.CharEnumField(
                        default="DRAFT",
                        description="DRAFT: DRAFT\nSUBMITTED: SUBMITTED\nADMITTED: ADMITTED\nREJECTED: REJECTED\nSUSPENDED: SUSPENDED\nRETIRED: RETIRED",
                        enum_type=ProjectStatus,
                        max_length=16,
                    ),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={
                "table": "project",
                "app": "models",
                "indexes": [Index(fields=["status", "category"])],
                "pk_attr": "id",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Activity",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "project",
                    fields.ForeignKeyField(
                        "models.Project",
                        source_field="project_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="activities",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("title", fields.CharField(max_length=128)),
                ("description", fields.TextField(default="", unique=False)),
                ("starts_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ("ends_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                (
                    "hall",
                    fields.ForeignKeyField(
                        "models.Hall",
                        source_field="hall_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="activities",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("address", fields.CharField(default="", max_length=255)),
                (
                    "region",
                    fields.ForeignKeyField(
                        "models.Region",
                        source_field="region_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="activities",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "status",
                    fields.CharEnumField(
                        default="PLANNED",
                        description="PLANNED: PLANNED\nOPEN: OPEN\nONGOING: ONGOING\nFINISHED: FINISHED\nCANCELLED: CANCELLED",
                        enum_type=ActivityStatus,
                        max_length=16,
                    ),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={
                "table": "activity",
                "app": "models",
                "constraints": [
                    CheckConstraint(
                        check="ends_at > starts_at", name="activity_ends_after_start"
                    )
                ],
                "indexes": [
                    Index(fields=["starts_at"]),
                    Index(fields=["status", "starts_at"]),
                ],
                "pk_attr": "id",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Position",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "activity",
                    fields.ForeignKeyField(
                        "models.Activity",
                        source_field="activity_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="positions",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("name", fields.CharField(max_length=64)),
                ("places", fields.IntField()),
                (
                    "taken",
                    fields.IntField(
                        default=0,
                        description="signups that hold a place, kept with each signup",
                    ),
                ),
                (
                    "required_skills",
                    fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads),
                ),
                ("min_age", fields.SmallIntField(default=0)),
            ],
            options={
                "table": "position",
                "app": "models",
                "constraints": [
                    CheckConstraint(
                        check="places > 0", name="position_places_positive"
                    ),
                    CheckConstraint(
                        check="taken >= 0 AND taken <= places",
                        name="position_taken_within_places",
                    ),
                ],
                "pk_attr": "id",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="ProjectReview",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "project",
                    fields.ForeignKeyField(
                        "models.Project",
                        source_field="project_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="reviews",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "from_status",
                    fields.CharEnumField(
                        description="DRAFT: DRAFT\nSUBMITTED: SUBMITTED\nADMITTED: ADMITTED\nREJECTED: REJECTED\nSUSPENDED: SUSPENDED\nRETIRED: RETIRED",
                        enum_type=ProjectStatus,
                        max_length=16,
                    ),
                ),
                (
                    "to_status",
                    fields.CharEnumField(
                        description="DRAFT: DRAFT\nSUBMITTED: SUBMITTED\nADMITTED: ADMITTED\nREJECTED: REJECTED\nSUSPENDED: SUSPENDED\nRETIRED: RETIRED",
                        enum_type=ProjectStatus,
                        max_length=16,
                    ),
                ),
                ("actor", fields.CharField(max_length=64)),
                ("opinion", fields.TextField(default="", unique=False)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "project_review",
                "app": "models",
                "pk_attr": "id",
                "table_description": "One transition of a project's status, with who made it and why.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="ServiceRequest",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("resident_name", fields.CharField(max_length=32)),
                ("resident_phone_cipher", fields.TextField(unique=False)),
                ("resident_phone_masked", fields.CharField(max_length=11)),
                (
                    "region",
                    fields.ForeignKeyField(
                        "models.Region",
                        source_field="region_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="service_requests",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "category",
                    fields.CharEnumField(
                        description="THEORY: THEORY\nPOLICY: POLICY\nCULTURE: CULTURE\nCIVILITY: CIVILITY\nWELLBEING: WELLBEING",
                        enum_type=DeliveryCategory,
                        max_length=16,
                    ),
                ),
                ("description", fields.TextField(unique=False)),
                (
                    "status",
                    fields.CharEnumField(
                        default="SUBMITTED",
                        description="SUBMITTED: SUBMITTED\nDISPATCHED: DISPATCHED\nACCEPTED: ACCEPTED\nDONE: DONE\nRATED: RATED\nREJECTED: REJECTED\nCANCELLED: CANCELLED",
                        enum_type=RequestStatus,
                        max_length=16,
                    ),
                ),
                (
                    "brigade",
                    fields.ForeignKeyField(
                        "models.Brigade",
                        source_field="brigade_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="service_requests",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "alliance",
                    fields.ForeignKeyField(
                        "models.Alliance",
                        source_field="alliance_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="service_requests",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "activity",
                    fields.ForeignKeyField(
                        "models.Activity",
                        source_field="activity_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="service_requests",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("reject_reason", fields.TextField(default="", unique=False)),
                ("report", fields.TextField(default="", unique=False)),
                ("rating", fields.SmallIntField(null=True)),
                ("rating_comment", fields.TextField(default="", unique=False)),
                (
                    "submitted_at",
                    fields.DatetimeField(auto_now=False, auto_now_add=True),
                ),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={
                "table": "service_request",
                "app": "models",
                "constraints": [
                    CheckConstraint(
                        check="rating IS NULL OR rating BETWEEN 1 AND 5",
                        name="service_request_rating_range",
                    )
                ],
                "indexes": [Index(fields=["status", "submitted_at"])],
                "pk_attr": "id",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="ServiceRequestStep",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "request",
                    fields.ForeignKeyField(
                        "models.ServiceRequest",
                        source_field="request_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="steps",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "from_status",
                    fields.CharEnumField(
                        description="SUBMITTED: SUBMITTED\nDISPATCHED: DISPATCHED\nACCEPTED: ACCEPTED\nDONE: DONE\nRATED: RATED\nREJECTED: REJECTED\nCANCELLED: CANCELLED",
                        enum_type=RequestStatus,
                        max_length=16,
                    ),
                ),
                (
                    "to_status",
                    fields.CharEnumField(
                        description="SUBMITTED: SUBMITTED\nDISPATCHED: DISPATCHED\nACCEPTED: ACCEPTED\nDONE: DONE\nRATED: RATED\nREJECTED: REJECTED\nCANCELLED: CANCELLED",
                        enum_type=RequestStatus,
                        max_length=16,
                    ),
                ),
                ("actor", fields.CharField(max_length=64)),
                ("note", fields.TextField(default="", unique=False)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "service_request_step",
                "app": "models",
                "pk_attr": "id",
                "table_description": "One status change of a service request, with who made it.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Signup",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "volunteer",
                    fields.ForeignKeyField(
                        "models.Volunteer",
                        source_field="volunteer_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="signups",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "position",
                    fields.ForeignKeyField(
                        "models.Position",
                        source_field="position_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="signups",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "activity",
                    fields.ForeignKeyField(
                        "models.Activity",
                        source_field="activity_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="signups",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "status",
                    fields.CharEnumField(
                        default="SIGNED_UP",
                        description="SIGNED_UP: SIGNED_UP\nCHECKED_IN: CHECKED_IN\nCHECKED_OUT: CHECKED_OUT\nCANCELLED: CANCELLED\nNO_SHOW: NO_SHOW",
                        enum_type=SignupStatus,
                        max_length=16,
                    ),
                ),
                (
                    "checked_in_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                (
                    "checked_out_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "signup",
                "app": "models",
                "unique_together": [("volunteer", "position")],
                "indexes": [Index(fields=["volunteer_id", "status"])],
                "pk_attr": "id",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="ServiceRecord",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "volunteer",
                    fields.ForeignKeyField(
                        "models.Volunteer",
                        source_field="volunteer_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="service_records",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "activity",
                    fields.ForeignKeyField(
                        "models.Activity",
                        source_field="activity_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="service_records",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "signup",
                    fields.OneToOneField(
                        "models.Signup",
                        source_field="signup_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="service_record",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "region",
                    fields.ForeignKeyField(
                        "models.Region",
                        source_field="region_id",
                        description="where the service took place, for aggregates by town",
                        db_constraint=True,
                        to_field="id",
                        related_name="service_records",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "minutes",
                    fields.IntField(
                        description="credited time, negative only in a correction"
                    ),
                ),
                (
                    "source",
                    fields.CharEnumField(
                        description="ATTENDANCE: ATTENDANCE\nSELF_REPORT: SELF_REPORT\nCORRECTION: CORRECTION",
                        enum_type=RecordSource,
                        max_length=16,
                    ),
                ),
                (
                    "status",
                    fields.CharEnumField(
                        default="PENDING",
                        description="PENDING: PENDING\nCONFIRMED: CONFIRMED\nREJECTED: REJECTED",
                        enum_type=RecordStatus,
                        max_length=16,
                    ),
                ),
                ("content", fields.TextField(default="", unique=False)),
                ("reason", fields.TextField(default="", unique=False)),
                (
                    "offsets",
                    fields.ForeignKeyField(
                        "models.ServiceRecord",
                        source_field="offsets_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="corrections",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("served_on", fields.DateField()),
                ("confirmed_by", fields.CharField(default="", max_length=64)),
                (
                    "confirmed_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "service_record",
                "app": "models",
                "constraints": [
                    CheckConstraint(
                        check="minutes <> 0 AND (minutes > 0 OR offsets_id IS NOT NULL)",
                        name="service_record_minutes_sign",
                    )
                ],
                "indexes": [
                    Index(fields=["status", "region_id"]),
                    Index(fields=["volunteer_id", "status"]),
                ],
                "pk_attr": "id",
                "table_description": "Credited service time, in whole minutes.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="PointsEntry",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "volunteer",
                    fields.ForeignKeyField(
                        "models.Volunteer",
                        source_field="volunteer_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="points_entries",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "amount_hundredths",
                    fields.BigIntField(description="signed, in hundredths of a point"),
                ),
                (
                    "kind",
                    fields.CharEnumField(
                        description="EARNED: EARNED\nREDEEMED: REDEEMED\nADJUSTED: ADJUSTED",
                        enum_type=PointsKind,
                        max_length=16,
                    ),
                ),
                ("reason", fields.TextField(default="", unique=False)),
                (
                    "record",
                    fields.ForeignKeyField(
                        "models.ServiceRecord",
                        source_field="record_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="points_entries",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("idempotency_key", fields.CharField(unique=True, max_length=128)),
                (
                    "request_digest",
                    fields.CharField(
                        description="hash of the request that used the key",
                        max_length=64,
                    ),
                ),
                ("balance_after_hundredths", fields.BigIntField()),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "points_entry",
                "app": "models",
                "constraints": [
                    CheckConstraint(
                        check="amount_hundredths <> 0",
                        name="points_entry_amount_nonzero",
                    ),
                    CheckConstraint(
                        check="balance_after_hundredths >= 0",
                        name="points_entry_balance_not_negative",
                    ),
                ],
                "indexes": [Index(fields=["volunteer_id", "id"])],
                "pk_attr": "id",
                "table_description": "One append-only line of a volunteer's points ledger.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="TrainingRecord",
            fields=[
                (
                    "id",
                    fields.IntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "course",
                    fields.ForeignKeyField(
                        "models.Course",
                        source_field="course_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="training_records",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "volunteer",
                    fields.ForeignKeyField(
                        "models.Volunteer",
                        source_field="volunteer_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="training_records",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("completed_on", fields.DateField()),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "training_record",
                "app": "models",
                "unique_together": [("course", "volunteer")],
                "pk_attr": "id",
            },
            bases=["Model"],
        ),
    ]

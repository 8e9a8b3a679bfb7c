"""Enumerations shared by the models, the rules and the schema."""

from enum import StrEnum


class RegionLevel(StrEnum):
    CITY = "CITY"
    TOWN = "TOWN"
    VILLAGE = "VILLAGE"


class PlatformOrigin(StrEnum):
    NATIONAL = "NATIONAL"
    LOCAL = "LOCAL"


class UnitKind(StrEnum):
    PARTY_GOVERNMENT = "PARTY_GOVERNMENT"
    SCHOOL = "SCHOOL"
    HOSPITAL = "HOSPITAL"
    COMPANY = "COMPANY"
    SOCIAL_ORGANIZATION = "SOCIAL_ORGANIZATION"


class Sex(StrEnum):
    MALE = "MALE"
    FEMALE = "FEMALE"


class PoliticalStatus(StrEnum):
    CPC_MEMBER = "CPC_MEMBER"
    CPC_PROBATIONARY = "CPC_PROBATIONARY"
    CYL_MEMBER = "CYL_MEMBER"
    DEMOCRATIC_PARTY = "DEMOCRATIC_PARTY"
    MASSES = "MASSES"


class VolunteerStatus(StrEnum):
    ACTIVE = "ACTIVE"
    SUSPENDED = "SUSPENDED"
    WITHDRAWN = "WITHDRAWN"


class DeliveryCategory(StrEnum):
    THEORY = "THEORY"
    POLICY = "POLICY"
    CULTURE = "CULTURE"
    CIVILITY = "CIVILITY"
    WELLBEING = "WELLBEING"


class ProjectStatus(StrEnum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    ADMITTED = "ADMITTED"
    REJECTED = "REJECTED"
    SUSPENDED = "SUSPENDED"
    RETIRED = "RETIRED"


class ActivityStatus(StrEnum):
    PLANNED = "PLANNED"
    OPEN = "OPEN"
    ONGOING = "ONGOING"
    FINISHED = "FINISHED"
    CANCELLED = "CANCELLED"


class SignupStatus(StrEnum):
    SIGNED_UP = "SIGNED_UP"
    CHECKED_IN = "CHECKED_IN"
    CHECKED_OUT = "CHECKED_OUT"
    CANCELLED = "CANCELLED"
    NO_SHOW = "NO_SHOW"


class RecordSource(StrEnum):
    ATTENDANCE = "ATTENDANCE"
    SELF_REPORT = "SELF_REPORT"
    CORRECTION = "CORRECTION"


class RecordStatus(StrEnum):
    PENDING = "PENDING"
    CONFIRMED = "CONFIRMED"
    REJECTED = "REJECTED"


class PointsKind(StrEnum):
    EARNED = "EARNED"
    REDEEMED = "REDEEMED"
    ADJUSTED = "ADJUSTED"


class RequestStatus(StrEnum):
    SUBMITTED = "SUBMITTED"
    DISPATCHED = "DISPATCHED"
    ACCEPTED = "ACCEPTED"
    DONE = "DONE"
    RATED = "RATED"
    REJECTED = "REJECTED"
    CANCELLED = "CANCELLED"


class Role(StrEnum):
    VOLUNTEER = "VOLUNTEER"
    CAPTAIN = "CAPTAIN"
    CONVENER = "CONVENER"
    ADMINISTRATOR = "ADMINISTRATOR"

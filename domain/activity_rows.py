"""Loading an activity with what its rules check, shared by several workflows."""

from __future__ import annotations

from db.models.activity import Activity
from db.models.enums import SignupStatus
from db.models.project import Project
from domain.actor import Actor
from domain.lookup import load
from domain.permissions import require_project

# Signups in these statuses hold a place of their position.
HOLDING_PLACE = (SignupStatus.SIGNED_UP, SignupStatus.CHECKED_IN)


async def load_activity(
    activity_id: int, *, field: str = "activityId", for_update: bool = False
) -> Activity:
    """Load an activity with its project, the project's brigade and its region."""
    return await load(
        Activity,
        activity_id,
        field=field,
        for_update=for_update,
        related=("project", "project__brigade", "region"),
    )


def require_activity_team(actor: Actor, activity: Activity) -> None:
    """Allow the team of the activity's project: its convener or captains."""
    project = activity.project
    brigade = project.brigade if project.brigade_id else None
    require_project(
        actor,
        alliance_id=project.alliance_id,
        brigade_path=brigade.path if brigade else None,
    )


def activity_event_fields(activity: Activity, project: Project) -> dict:
    """Return the filter columns of an activity's events."""
    return {
        "object_id": activity.id,
        "region_code": activity.region.code,
        "alliance_id": project.alliance_id,
        "project_id": project.id,
        "category": project.category,
    }

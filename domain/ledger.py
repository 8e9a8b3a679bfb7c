"""The append-only points ledger (积分).

The balance is kept on `Volunteer.points_hundredths` and equals the sum of
the volunteer's entries; each entry stores the balance after it. Every
entry carries a unique idempotency key: a request that repeats a key with
the same payload gets the first entry back and writes nothing, and one that
repeats it with another payload raises IdempotencyConflict. Client keys are
scoped to the volunteer whose points move.

Earning follows the cumulative confirmed minutes: after each confirmation
or correction the volunteer should have earned
`points_for_minutes(confirmed_minutes, rate)` in total, and the entry is the
difference to what record-driven entries (EARNED, and ADJUSTED entries of
corrections) already gave, so rounding never accumulates.

A correction that lowers the hours below what was already spent cannot
take the balance below 0: the balance stops at 0 and the entry's reason
states the shortfall. Because later earnings subtract what was actually
given, the shortfall is recovered from the volunteer's next earnings.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.functions import Sum
from tortoise.transactions import in_transaction

from db.models.enums import PointsKind
from db.models.people import Volunteer
from db.models.service import PointsEntry, ServiceRecord
from domain.actor import Actor
from domain.errors import IdempotencyConflict, InsufficientPoints, InvalidInput
from domain.lookup import load, required_text
from domain.outbox import record_audit
from domain.permissions import require_administrator, require_self
from domain.stars import hundredths_to_points, points_for_minutes


def request_digest(payload: dict) -> str:
    """SHA-256 of the canonical JSON of a ledger request."""
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True)
class LedgerResult:
    entry: PointsEntry
    replayed: bool


@dataclass(frozen=True)
class Settlement:
    """The entry a confirmation or correction wrote, if any, and any shortfall.

    `shortfall_hundredths` is what a lowering correction could not take back
    because the points were already spent.
    """

    entry: PointsEntry | None
    shortfall_hundredths: int = 0


async def _replay(key: str, digest: str) -> LedgerResult | None:
    entry = await PointsEntry.get_or_none(idempotency_key=key)
    if entry is None:
        return None
    if entry.request_digest != digest:
        raise IdempotencyConflict(
            "this idempotency key was used for another request: use a new key",
            field="idempotencyKey",
        )
    return LedgerResult(entry=entry, replayed=True)


def _scoped_key(key: str, volunteer_id: int) -> str:
    """Check a client's idempotency key and return the form stored for it.

    The stored key names the volunteer, so two volunteers may use the same
    key independently and neither learns that the other used it. The key's
    SHA-256 keeps the stored form within the 128-character column and apart
    from the keys the ledger writes itself (`earn:<record id>` and the like).
    """
    key = (key or "").strip()
    if not 8 <= len(key) <= 128:
        raise InvalidInput(
            "idempotency key must have 8 to 128 characters", field="idempotencyKey"
        )
    digest = hashlib.sha256(key.encode()).hexdigest()
    return f"volunteer:{volunteer_id}:{digest}"


async def redeem_points(
    actor: Actor,
    *,
    volunteer_id: int,
    points_hundredths: int,
    reason: str,
    idempotency_key: str,
) -> LedgerResult:
    """Spend points; the balance never goes below 0, also under concurrency."""
    require_self(actor, volunteer_id)
    if points_hundredths <= 0:
        raise InvalidInput("points to redeem must be more than 0", field="points")
    return await _spend_or_grant(
        actor,
        volunteer_id=volunteer_id,
        amount=-points_hundredths,
        kind=PointsKind.REDEEMED,
        reason=required_text(reason, field="reason"),
        idempotency_key=_scoped_key(idempotency_key, volunteer_id),
        action="redeemPoints",
    )


async def adjust_points(
    actor: Actor,
    *,
    volunteer_id: int,
    amount_hundredths: int,
    reason: str,
    idempotency_key: str,
) -> LedgerResult:
    """Grant (positive) or withdraw (negative) points by hand: administrators."""
    require_administrator(actor)
    if amount_hundredths == 0:
        raise InvalidInput("an adjustment cannot be 0", field="points")
    return await _spend_or_grant(
        actor,
        volunteer_id=volunteer_id,
        amount=amount_hundredths,
        kind=PointsKind.ADJUSTED,
        reason=required_text(reason, field="reason"),
        idempotency_key=_scoped_key(idempotency_key, volunteer_id),
        action="adjustPoints",
    )


async def _spend_or_grant(
    actor: Actor,
    *,
    volunteer_id: int,
    amount: int,
    kind: PointsKind,
    reason: str,
    idempotency_key: str,
    action: str,
) -> LedgerResult:
    digest = request_digest(
        {
            "kind": kind.value,
            "volunteerId": volunteer_id,
            "amount": amount,
            "reason": reason,
        }
    )
    replay = await _replay(idempotency_key, digest)
    if replay is not None:
        return replay
    try:
        async with in_transaction() as connection:
            await load(Volunteer, volunteer_id, field="volunteerId")
            # The condition keeps the balance at 0 or more: a concurrent
            # spender waits for the row lock and then re-checks it.
            changed = await Volunteer.filter(
                id=volunteer_id, points_hundredths__gte=max(-amount, 0)
            ).update(points_hundredths=F("points_hundredths") + amount)
            if changed == 0:
                raise InsufficientPoints(
                    f"balance is below the {hundredths_to_points(-amount)} points "
                    "requested",
                    field="points",
                )
            entry = await _append(
                connection,
                volunteer_id=volunteer_id,
                amount=amount,
                kind=kind,
                reason=reason,
                key=idempotency_key,
                digest=digest,
            )
            await record_audit(
                connection,
                actor,
                action=action,
                target=f"Volunteer:{volunteer_id}",
                detail={"entryId": entry.id, "amountHundredths": amount},
            )
    except IntegrityError:
        # A concurrent request with the same key committed first; this
        # transaction was rolled back, so the balance was not touched twice.
        replay = await _replay(idempotency_key, digest)
        if replay is None:
            raise
        return replay
    return LedgerResult(entry=entry, replayed=False)


async def _append(
    connection: BaseDBAsyncClient,
    *,
    volunteer_id: int,
    amount: int,
    kind: PointsKind,
    reason: str,
    key: str,
    digest: str,
    record: ServiceRecord | None = None,
) -> PointsEntry:
    # Read inside the transaction after the update, which holds the row lock.
    balance = await Volunteer.filter(id=volunteer_id).values_list(
        "points_hundredths", flat=True
    )
    return await PointsEntry.create(
        volunteer_id=volunteer_id,
        amount_hundredths=amount,
        kind=kind,
        reason=reason,
        record=record,
        idempotency_key=key,
        request_digest=digest,
        balance_after_hundredths=balance[0],
        using_db=connection,
    )


async def settle_record_points(
    connection: BaseDBAsyncClient,
    *,
    volunteer_id: int,
    record: ServiceRecord,
    points_per_hour: Decimal,
) -> Settlement:
    """Bring earned points in line with the volunteer's confirmed minutes.

    Call inside the transaction that changed `confirmed_minutes`, after
    the change.
    """
    volunteer = await load(
        Volunteer, volunteer_id, field="volunteerId", for_update=True
    )
    target = points_for_minutes(volunteer.confirmed_minutes, points_per_hour)
    already_earned = await _record_driven_sum(volunteer_id)
    delta = target - already_earned
    key = f"record:{record.id}"
    digest = request_digest({"record": record.id, "minutes": record.minutes})
    if delta > 0:
        await Volunteer.filter(id=volunteer_id).update(
            points_hundredths=F("points_hundredths") + delta
        )
        entry = await _append(
            connection,
            volunteer_id=volunteer_id,
            amount=delta,
            kind=PointsKind.EARNED,
            reason=f"{record.minutes} confirmed minutes",
            key=key,
            digest=digest,
            record=record,
        )
        return Settlement(entry)
    if delta == 0:
        return Settlement(None)
    applied = max(delta, -volunteer.points_hundredths)
    shortfall = applied - delta
    reason = f"correction of {record.minutes} minutes"
    if shortfall:
        reason += "; " + shortfall_note(shortfall)
    if applied == 0:
        return Settlement(None, shortfall)
    await Volunteer.filter(id=volunteer_id).update(
        points_hundredths=F("points_hundredths") + applied
    )
    entry = await _append(
        connection,
        volunteer_id=volunteer_id,
        amount=applied,
        kind=PointsKind.ADJUSTED,
        reason=reason,
        key=key,
        digest=digest,
        record=record,
    )
    return Settlement(entry, shortfall)


def shortfall_note(hundredths: int) -> str:
    return (
        f"shortfall of {hundredths_to_points(hundredths)} points already spent, "
        "to be recovered from later earnings"
    )


async def _record_driven_sum(volunteer_id: int) -> int:
    rows = (
        await PointsEntry.filter(volunteer_id=volunteer_id, record_id__isnull=False)
        .annotate(total=Sum("amount_hundredths"))
        .values_list("total", flat=True)
    )
    return int(rows[0] or 0) if rows else 0

"""Mutations of signups, attendance, service records, points and certificates."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from api.resolvers.service import mutation as resolve
from api.schema.errors import MutationError
from api.schema.payload import actor_of, run_rule
from api.schema.service.inputs import (
    AdjustPointsInput,
    CorrectServiceRecordInput,
    IssueCertificateInput,
    RedeemPointsInput,
    RejectServiceRecordInput,
    ReportHoursInput,
    ServiceRecordInput,
    SignupActionInput,
    SignUpInput,
    VerifyCertificateInput,
)
from api.schema.service.types import (
    CertificateType,
    CertificateVerificationType,
    PointsEntryType,
    ServiceRecordType,
    SignupType,
)
from api.security.permissions import IsAccount, IsAdministrator

SignupPayload = Annotated[
    SignupType | MutationError,
    strawberry.union("SignupPayload", description="The signup, or why it failed."),
]
ServiceRecordPayload = Annotated[
    ServiceRecordType | MutationError,
    strawberry.union(
        "ServiceRecordPayload", description="The service record, or why it failed."
    ),
]
PointsEntryPayload = Annotated[
    PointsEntryType | MutationError,
    strawberry.union(
        "PointsEntryPayload", description="The ledger entry, or why it failed."
    ),
]
CertificatePayload = Annotated[
    CertificateType | MutationError,
    strawberry.union(
        "CertificatePayload", description="The certificate, or why it failed."
    ),
]
CertificateVerificationPayload = Annotated[
    CertificateVerificationType | MutationError,
    strawberry.union(
        "CertificateVerificationPayload",
        description="What the certificate certifies, or why it was not found.",
    ),
]


@strawberry.type
class ServiceMutation:
    @strawberry.mutation(
        permission_classes=[IsAccount],
        description="Take a place in a position of an OPEN activity (报名).",
    )
    async def sign_up(self, info: Info, input: SignUpInput) -> SignupPayload:
        return await run_rule(
            resolve.sign_up(
                actor_of(info),
                volunteer_id=input.volunteer_id,
                position_id=input.position_id,
            ),
            SignupType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount],
        description="Cancel a signup before check-in; frees it.",
    )
    async def cancel_signup(
        self, info: Info, input: SignupActionInput
    ) -> SignupPayload:
        return await run_rule(
            resolve.cancel_signup(actor_of(info), signup_id=input.signup_id),
            SignupType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount],
        description="Mark a signup that never checked in a no-show.",
    )
    async def mark_no_show(self, info: Info, input: SignupActionInput) -> SignupPayload:
        return await run_rule(
            resolve.mark_no_show(actor_of(info), signup_id=input.signup_id),
            SignupType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount], description="Check in (签到) now."
    )
    async def check_in(self, info: Info, input: SignupActionInput) -> SignupPayload:
        return await run_rule(
            resolve.check_in(actor_of(info), signup_id=input.signup_id),
            SignupType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount],
        description="Check out (签退) now; creates a PENDING service record of "
        "the time inside the scheduled window.",
    )
    async def check_out(self, info: Info, input: SignupActionInput) -> SignupPayload:
        return await run_rule(
            resolve.check_out(actor_of(info), signup_id=input.signup_id),
            SignupType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount],
        description="Self-report service time for review.",
    )
    async def report_hours(
        self, info: Info, input: ReportHoursInput
    ) -> ServiceRecordPayload:
        return await run_rule(
            resolve.report_hours(
                actor_of(info),
                volunteer_id=input.volunteer_id,
                minutes=input.minutes,
                served_on=input.served_on,
                region_id=input.region_id,
                content=input.content,
                activity_id=input.activity_id,
            ),
            ServiceRecordType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount],
        description="Confirm a PENDING record: adds its minutes and earns points.",
    )
    async def confirm_service_record(
        self, info: Info, input: ServiceRecordInput
    ) -> ServiceRecordPayload:
        return await run_rule(
            resolve.confirm_record(actor_of(info), record_id=input.record_id),
            ServiceRecordType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount],
        description="Reject a PENDING record with a reason.",
    )
    async def reject_service_record(
        self, info: Info, input: RejectServiceRecordInput
    ) -> ServiceRecordPayload:
        return await run_rule(
            resolve.reject_record(
                actor_of(info), record_id=input.record_id, reason=input.reason
            ),
            ServiceRecordType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount],
        description="Correct a CONFIRMED record by a new record that offsets it; "
        "returns the correction.",
    )
    async def correct_service_record(
        self, info: Info, input: CorrectServiceRecordInput
    ) -> ServiceRecordPayload:
        return await run_rule(
            resolve.correct_record(
                actor_of(info),
                record_id=input.record_id,
                minutes=input.minutes,
                reason=input.reason,
            ),
            ServiceRecordType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount],
        description="Spend points; the balance never goes below 0. Idempotent by key.",
    )
    async def redeem_points(
        self, info: Info, input: RedeemPointsInput
    ) -> PointsEntryPayload:
        return await run_rule(
            resolve.redeem_points(
                actor_of(info),
                volunteer_id=input.volunteer_id,
                points=input.points,
                reason=input.reason,
                idempotency_key=input.idempotency_key,
            ),
            PointsEntryType.from_result,
        )

    @strawberry.mutation(
        permission_classes=[IsAdministrator],
        description="Grant or withdraw points (administrators).",
    )
    async def adjust_points(
        self, info: Info, input: AdjustPointsInput
    ) -> PointsEntryPayload:
        return await run_rule(
            resolve.adjust_points(
                actor_of(info),
                volunteer_id=input.volunteer_id,
                points=input.points,
                reason=input.reason,
                idempotency_key=input.idempotency_key,
            ),
            PointsEntryType.from_result,
        )

    @strawberry.mutation(
        permission_classes=[IsAdministrator],
        description="Issue a certificate of confirmed service (administrators).",
    )
    async def issue_certificate(
        self, info: Info, input: IssueCertificateInput
    ) -> CertificatePayload:
        return await run_rule(
            resolve.issue_certificate(
                actor_of(info),
                volunteer_id=input.volunteer_id,
                issuer=input.issuer,
                content=input.content,
            ),
            CertificateType.from_model,
        )

    @strawberry.mutation(
        description="Look up what a certificate certifies by its number; open "
        "to everyone, and it changes nothing.",
        deprecation_reason="Use the query certificate(number:), which returns "
        "null for an unknown number.",
    )
    async def verify_certificate(
        self, info: Info, input: VerifyCertificateInput
    ) -> CertificateVerificationPayload:
        return await run_rule(
            resolve.verify_certificate(input.number),
            CertificateVerificationType.from_verification,
        )

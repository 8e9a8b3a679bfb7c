"""Wake the event feed after every GraphQL mutation."""

from __future__ import annotations

from collections.abc import Iterator

from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from api.live import notify_committed


class NotifyAfterMutation(SchemaExtension):
    """Call `notify_committed()` once a mutation operation has finished.

    Mutation resolvers commit their transactions before the operation ends,
    so the feed's reader finds their events at once. A mutation that wrote
    no event costs the reader one indexed read of the event table.
    """

    def on_operation(self) -> Iterator[None]:
        yield
        # A document that failed to parse has no operation type, and reading it
        # would raise and replace the syntax error in the response.
        if self.execution_context.graphql_document is None:
            return
        if self.execution_context.operation_type is OperationType.MUTATION:
            notify_committed()

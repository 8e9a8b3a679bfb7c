"""Limits on one GraphQL operation, read from the settings of the request.

- depth: at most MAX_QUERY_DEPTH levels of nested fields (strawberry's
  QueryDepthLimiter, which expands fragments and skips `__` fields);
- introspection depth: at most MAX_INTROSPECTION_DEPTH levels under
  `__schema` or `__type`, which the depth limit skips;
- aliases: at most MAX_ALIASES in the document, fragments expanded;
- tokens: at most MAX_TOKENS lexical tokens, checked while parsing;
- cost: at most MAX_QUERY_COST, see `operation_cost`;
- introspection off unless INTROSPECTION allows it;
- no "Did you mean" suggestions in any error, so the schema cannot be
  guessed field by field when introspection is off.

The computed cost is reported in the response as
`extensions.cost = {"requested": N, "limit": M}`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    VariableNode,
    get_named_type,
)
from graphql.type.introspection import SchemaMetaFieldDef, TypeMetaFieldDef
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import SchemaExtension
from strawberry.extensions.max_aliases import (
    create_validator as create_alias_validator,
)
from strawberry.extensions.query_depth_limiter import (
    create_validator as create_depth_validator,
)

from settings import Settings

_SUGGESTION = re.compile(r"\s*Did you mean .*$", re.DOTALL)


def _int_argument(
    field: FieldNode, name: str, variables: Mapping[str, Any]
) -> int | None:
    for argument in field.arguments or ():
        if argument.name.value != name:
            continue
        value = argument.value
        if isinstance(value, IntValueNode):
            return int(value.value)
        if isinstance(value, VariableNode):
            found = variables.get(value.name.value)
            return found if isinstance(found, int) else None
    return None


def _list_length(field: FieldNode, name: str, variables: Mapping[str, Any]) -> int:
    for argument in field.arguments or ():
        if argument.name.value != name:
            continue
        value = argument.value
        if isinstance(value, ListValueNode):
            return len(value.values)
        if isinstance(value, VariableNode):
            found = variables.get(value.name.value)
            return len(found) if isinstance(found, list) else 1
    return 1


def _multiplier(
    field: FieldNode,
    definition: GraphQLField,
    variables: Mapping[str, Any],
    max_page_size: int,
) -> int:
    """Return how many times a field's selection may be resolved per parent."""
    if "first" in definition.args or "last" in definition.args:
        size = _int_argument(field, "first", variables)
        if size is None:
            size = _int_argument(field, "last", variables)
        # Out-of-range sizes are rejected by the resolver; cap them here so
        # that the cost message and the page size message do not compete.
        return max_page_size if size is None else max(0, min(size, max_page_size))
    if "ids" in definition.args:
        return _list_length(field, "ids", variables)
    return 1


class _CostCounter:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
        max_page_size: int,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.max_page_size = max_page_size

    def _field_definition(self, parent: Any, name: str) -> GraphQLField | None:
        if name == "__schema":
            return SchemaMetaFieldDef
        if name == "__type":
            return TypeMetaFieldDef
        if isinstance(parent, (GraphQLObjectType, GraphQLInterfaceType)):
            return parent.fields.get(name)
        return None

    def selection_set(
        self, node: SelectionSetNode | None, parent: Any, visiting: frozenset[str]
    ) -> int:
        if node is None:
            return 0
        total = 0
        for selection in node.selections:
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent, visiting)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = (
                    self.schema.get_type(condition.name.value) if condition else parent
                )
                total += self.selection_set(selection.selection_set, target, visiting)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                # A cycle is reported by NoFragmentCyclesRule; stop expanding.
                if fragment is None or name in visiting:
                    continue
                target = self.schema.get_type(fragment.type_condition.name.value)
                total += self.selection_set(
                    fragment.selection_set, target, visiting | {name}
                )
        return total

    def field(self, node: FieldNode, parent: Any, visiting: frozenset[str]) -> int:
        name = node.name.value
        if name == "__typename":
            return 0
        definition = self._field_definition(parent, name)
        if definition is None:
            return 1
        child = get_named_type(definition.type)
        multiplier = _multiplier(node, definition, self.variables, self.max_page_size)
        return 1 + multiplier * self.selection_set(node.selection_set, child, visiting)


def operation_cost(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: Mapping[str, FragmentDefinitionNode],
    variables: Mapping[str, Any],
    max_page_size: int,
) -> int:
    """Estimate the objects an operation may resolve, before running it.

    cost(selection) = sum over its fields f of 1 + m(f) * cost(selection of f),
    where m(f) is `first` or `last` (or MAX_PAGE_SIZE when neither is given)
    for a paged field, the number of `ids` for `nodes`, and 1 otherwise.
    Fragments are expanded where they are spread and `__typename` is free.
    """
    root = schema.get_root_type(operation.operation)
    counter = _CostCounter(schema, fragments, variables, max_page_size)
    return counter.selection_set(operation.selection_set, root, frozenset())


def _introspection_depth(
    node: SelectionSetNode | None,
    fragments: Mapping[str, FragmentDefinitionNode],
    inside: bool,
    visiting: frozenset[str],
) -> int:
    """Levels of fields under the deepest `__schema` or `__type` field."""
    if node is None:
        return 0
    deepest = 0
    for selection in node.selections:
        if isinstance(selection, FieldNode):
            starts = selection.name.value in ("__schema", "__type")
            below = _introspection_depth(
                selection.selection_set, fragments, inside or starts, visiting
            )
            deepest = max(deepest, below + 1 if inside or starts else below)
        elif isinstance(selection, InlineFragmentNode):
            deepest = max(
                deepest,
                _introspection_depth(
                    selection.selection_set, fragments, inside, visiting
                ),
            )
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is None or name in visiting:
                continue
            deepest = max(
                deepest,
                _introspection_depth(
                    fragment.selection_set, fragments, inside, visiting | {name}
                ),
            )
    return deepest


def _fragments(context: ValidationContext) -> dict[str, FragmentDefinitionNode]:
    return {
        definition.name.value: definition
        for definition in context.document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }


@lru_cache(maxsize=8)
def _introspection_depth_rule(max_depth: int) -> type[ValidationRule]:
    class IntrospectionDepthRule(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            fragments = _fragments(context)
            for definition in context.document.definitions:
                if not isinstance(definition, OperationDefinitionNode):
                    continue
                depth = _introspection_depth(
                    definition.selection_set, fragments, False, frozenset()
                )
                if depth > max_depth:
                    context.report_error(
                        GraphQLError(
                            f"introspection is {depth} levels deep, "
                            f"more than the limit of {max_depth}"
                        )
                    )

    return IntrospectionDepthRule


@lru_cache(maxsize=8)
def _depth_rule(max_depth: int) -> type[ValidationRule]:
    return create_depth_validator(max_depth, None, None)


@lru_cache(maxsize=8)
def _alias_rule(max_aliases: int) -> type[ValidationRule]:
    return create_alias_validator(max_aliases)


class OperationLimits(SchemaExtension):
    """Apply the limits above with the values of the request's settings."""

    def __init__(self) -> None:
        self.cost: int | None = None
        self.cost_limit: int | None = None

    def _cost_rule(self, settings: Settings) -> type[ValidationRule]:
        extension = self
        variables = self.execution_context.variables or {}

        class OperationCostRule(ValidationRule):
            def __init__(self, context: ValidationContext) -> None:
                super().__init__(context)
                operation = extension._selected_operation(context)
                if operation is None:
                    return
                cost = operation_cost(
                    context.schema,
                    operation,
                    _fragments(context),
                    variables,
                    settings.max_page_size,
                )
                extension.cost = cost
                extension.cost_limit = settings.max_query_cost
                if cost > settings.max_query_cost:
                    context.report_error(
                        GraphQLError(
                            f"operation cost {cost} is more than the limit of "
                            f"{settings.max_query_cost}: ask for smaller pages "
                            "(first/last) or fewer nested lists",
                            extensions={"code": "COST_LIMIT_EXCEEDED"},
                        )
                    )

        return OperationCostRule

    def _selected_operation(
        self, context: ValidationContext
    ) -> OperationDefinitionNode | None:
        wanted = self.execution_context.operation_name
        operations = [
            definition
            for definition in context.document.definitions
            if isinstance(definition, OperationDefinitionNode)
        ]
        for operation in operations:
            if wanted is None or (operation.name and operation.name.value == wanted):
                return operation
        return None

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        settings: Settings = context.context.settings
        context.parse_options["max_tokens"] = settings.max_tokens
        rules: list[type[ValidationRule]] = [
            _depth_rule(settings.max_query_depth),
            _introspection_depth_rule(settings.max_introspection_depth),
            _alias_rule(settings.max_aliases),
            self._cost_rule(settings),
        ]
        if not settings.introspection_enabled:
            rules.append(NoSchemaIntrospectionCustomRule)
        context.validation_rules = context.validation_rules + tuple(rules)
        yield
        self._remove_suggestions()

    def _remove_suggestions(self) -> None:
        context = self.execution_context
        errors = list(context.pre_execution_errors or ())
        if context.result is not None and context.result.errors:
            errors += context.result.errors
        for error in errors:
            error.message = _SUGGESTION.sub("", error.message)

    def get_results(self) -> dict[str, Any]:
        if self.cost is None:
            return {}
        return {"cost": {"requested": self.cost, "limit": self.cost_limit}}

"""The order a form's skip logic and calculations are worked out in: every item after the items
its ``relevant`` and ``calculation`` read, and after the groups it is inside, so one pass in this
order settles them all (as ODK Collect does with its dependency graph). A form whose items read
each other in a circle is refused when it is converted.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from resources_index.instruments import expressions

if TYPE_CHECKING:  # the definition checks its order with this module
    from resources_index.instruments.definition import FormDefinition, Item


def evaluation_order(
    definition: "FormDefinition", parse: Callable[[str], expressions.Node] = expressions.parse
) -> tuple[list["Item"], list[str]]:
    """Items in an order that respects what each reads, and the names caught in a circle
    (put last, in form order, so a form built elsewhere still fills in)."""
    walk = list(definition.walk())
    position = {item.name: index for index, (item, _) in enumerate(walk)}
    needs: dict[str, set[str]] = {}
    for item, parents in walk:
        read: set[str] = {parent.name for parent in parents}
        for text in (item.relevant, item.calculate):
            if text:
                read |= expressions.references(parse(text))
        needs[item.name] = {name for name in read if name in position}  # itself: a circle
    waiting = {name: len(reads) for name, reads in needs.items()}
    readers: dict[str, list[str]] = {name: [] for name in needs}
    for name, reads in needs.items():
        for source in reads - {name}:  # what reads itself waits for ever: a circle
            readers[source].append(name)
    ready = sorted(
        (name for name, count in waiting.items() if count == 0), key=position.__getitem__
    )
    order: list[str] = []
    while ready:
        name = ready.pop(0)
        order.append(name)
        for reader in readers[name]:
            waiting[reader] -= 1
            if waiting[reader] == 0:
                ready.append(reader)
                ready.sort(key=position.__getitem__)
    circle = sorted(set(needs) - set(order), key=position.__getitem__)
    items = {item.name: item for item, _ in walk}
    return [items[name] for name in [*order, *circle]], circle

"""What a kit item is called in the Kits tab: "3. Title", then " · from page 5", " · from
slide 5" (a deck's pages are slides) or " · from 3:20" when it does not open at its beginning."""

from PySide6.QtCore import QCoreApplication

from resources_index.catalog.model import KitItem
from resources_index.catalog.positions import is_deck, is_paged, is_timed, start_text
from resources_index.catalog.records import Resource


def item_label(row: int, item: KitItem, resource: Resource | None) -> str:
    if resource is None:
        missing = QCoreApplication.translate("KitsPanel", "{0} (not in this catalog)")
        return f"{row + 1}. {missing.format(item.resource_id)}"
    where = ""
    if item.start and is_timed(resource):
        where = QCoreApplication.translate("KitsPanel", "from {0}")
        where = where.format(start_text(item.start, True))
    elif item.start and is_deck(resource):
        where = QCoreApplication.translate("KitsPanel", "from slide {0}").format(item.start)
    elif item.start and is_paged(resource):
        where = QCoreApplication.translate("KitsPanel", "from page {0}").format(item.start)
    return f"{row + 1}. {resource.title}" + (f" · {where}" if where else "")

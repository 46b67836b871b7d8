"""Bounds on what a form may hold, so a hostile or mistaken spreadsheet costs a sentence, not the
publisher's memory or time. Real instruments are far below every one of them (the starter's
largest has about 20 rows, and cells of a few hundred characters)."""

#: The spreadsheet file itself.
MAX_FILE_BYTES = 5 * 1024 * 1024
#: What the ``.xlsx`` (a zip) declares it unpacks to, in all and per part, and how many parts.
MAX_UNPACKED_BYTES = 24 * 1024 * 1024
MAX_PART_BYTES = 16 * 1024 * 1024
MAX_PARTS = 200
#: Rows read per sheet (beyond the header) and columns per row.
MAX_ROWS = 2_000
MAX_COLUMNS = 64
#: Cells per sheet, and texts in the shared-strings part.
MAX_CELLS = (MAX_ROWS + 1) * MAX_COLUMNS
#: Characters in one cell (a label, a hint, an expression).
MAX_CELL_CHARS = 4_000
#: An expression: characters, and how deeply its parts may nest.
MAX_EXPRESSION_CHARS = 1_000
MAX_EXPRESSION_DEPTH = 100
#: An answer typed into a text question, and a whole saved response file.
MAX_ANSWER_CHARS = 10_000
MAX_RESPONSE_BYTES = 4 * 1024 * 1024
#: A form definition carried as JSON.
MAX_DEFINITION_BYTES = 2 * 1024 * 1024

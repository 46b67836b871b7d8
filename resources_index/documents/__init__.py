"""Reading the text out of the files people publish (PDF, Office, HTML, Markdown, captions).

Publishing makes text objects with it and the library reads captions for the player, so it sits
below both and imports neither.
"""

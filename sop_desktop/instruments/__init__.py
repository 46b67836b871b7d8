"""Fidelity and coaching instruments in the window: thin widgets over
``resources_index.instruments`` (the form's logic, its drafts and its completed responses)."""

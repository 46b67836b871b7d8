"""Turning a content team's folder into a signed, static catalog."""

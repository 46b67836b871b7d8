"""SOP Desktop's Qt GUI: thin widgets and models over ``resources_index``."""
